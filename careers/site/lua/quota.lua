-- KEYS[1..n-1] are claims, KEYS[n] a counter. If every claim is free and the counter is below
-- ARGV[2]: take the claims for ARGV[1] seconds, add 1 to the counter (which lives ARGV[1]
-- seconds from its first use) and return 1. Else change nothing: 0 if a claim is taken, -1 if
-- the counter is at its limit.
local counter = KEYS[#KEYS]
for i = 1, #KEYS - 1 do
  if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
end
local used = tonumber(redis.call('GET', counter) or '0') or 0
if used >= tonumber(ARGV[2]) then return -1 end
for i = 1, #KEYS - 1 do
  redis.call('SET', KEYS[i], 1, 'EX', ARGV[1])
end
if redis.call('INCR', counter) == 1 then
  redis.call('EXPIRE', counter, ARGV[1])
end
return 1
