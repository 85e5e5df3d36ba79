-- A sliding window of requests: KEYS[1] is a sorted set of the times (ms) of the requests
-- let through. ARGV: now (ms), window (ms), limit, a name for this request (unique).
-- Forgets the requests older than the window. Under the limit: records this one and returns 0;
-- otherwise records nothing (a refused request does not count) and returns the ms until the
-- oldest recorded request leaves the window, when the next one will be let through.
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, math.ceil(tonumber(oldest[2]) + window - now))
