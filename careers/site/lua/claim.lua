-- All KEYS are free: take them all for ARGV[1] seconds and return 1; else take none, return 0.
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then return 0 end
end
for _, key in ipairs(KEYS) do
  redis.call('SET', key, 1, 'EX', ARGV[1])
end
return 1
