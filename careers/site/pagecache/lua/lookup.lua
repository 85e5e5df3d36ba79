-- A cached page and what to do with it, in one round trip.
-- KEYS[1]: the page entry; KEYS[2]: its meta, "<render start µs> <marker> ... | <hard marker> ...";
-- KEYS[3]: the page's render claim. ARGV[1]: how long a claim holds (ms).
-- Returns {'hit', entry} if the page began rendering after every marker of its keys;
-- {'render', entry} if it is outdated by soft changes only and this caller is the ONE that
-- renders it again (the claim was free: now it is the caller's); {'stale', entry} if another
-- request is rendering it meanwhile; false if there is none, or a hard change outdated it.
local meta = redis.call('GET', KEYS[2])
if not meta then return false end
local started, soft, hard = nil, {}, {}
local list = soft
for word in string.gmatch(meta, '%S+') do
  if started == nil then started = tonumber(word)
  elseif word == '|' then list = hard
  else list[#list + 1] = word end
end
local function outdated(markers)
  if #markers == 0 then return false end
  for _, stamp in ipairs(redis.call('MGET', unpack(markers))) do
    if stamp and tonumber(stamp) >= started then return true end
  end
  return false
end
local entry = redis.call('GET', KEYS[1])
if not entry then return false end
if not outdated(soft) then return {'hit', entry} end
if outdated(hard) then return false end
if redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[1]) then return {'render', entry} end
return {'stale', entry}
