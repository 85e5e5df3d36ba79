-- Set each marker in KEYS to ARGV[1] (µs) for ARGV[2] seconds, unless it is later already:
-- a marker never moves back, whichever process or job writes it and in whatever order.
for _, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if not current or tonumber(current) < tonumber(ARGV[1]) then
    redis.call('SET', key, ARGV[1], 'EX', ARGV[2])
  end
end
return 1
