-- A cached page, if it began rendering after every invalidation marker of its surrogate keys.
-- KEYS[1]: the page entry; KEYS[2]: its meta, "<render start µs> <marker key> <marker key> ...".
local meta = redis.call('GET', KEYS[2])
if not meta then return false end
local started, markers = nil, {}
for word in string.gmatch(meta, '%S+') do
  if started == nil then started = tonumber(word) else markers[#markers + 1] = word end
end
if #markers > 0 then
  for _, stamp in ipairs(redis.call('MGET', unpack(markers))) do
    if stamp and tonumber(stamp) >= started then return false end
  end
end
return redis.call('GET', KEYS[1])
