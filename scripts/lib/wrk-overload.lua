-- wrk script for scripts/overload: POSTs the JSON bodies of a file (one per line) in turn, with a key,
-- as fast as the connections allow, and counts the answers by status: which refusals were clean
-- (a JSON body and a Retry-After header) and which were not.
-- Usage: wrk -s scripts/lib/wrk-overload.lua URL -- BODIES_FILE KEY [ADDRESSES]
-- ADDRESSES > 0 sends X-Forwarded-For from that many client addresses in turn (for a service started
-- with PARLEY_FORWARDED_HEADERS=true), as many sites' servers would call it; 0 or none: one address.
local bodies, i, addresses, threads = {}, 0, 0, {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  addresses = tonumber(args[3] or "0")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  counts = {}
end

function request()
  sent = (sent or 0) + 1
  i = i % #bodies + 1
  if addresses > 0 then
    local a = (i * 7919 + id * 104729) % addresses
    wrk.headers["X-Forwarded-For"] = "10." .. math.floor(a / 65536) % 256 .. "." .. math.floor(a / 256) % 256 .. "." .. a % 256
  end
  return wrk.format(nil, nil, nil, bodies[i])
end

function response(status, headers, body)
  local key = tostring(status)
  if status >= 400 then
    local clean = headers["Content-Type"] and headers["Content-Type"]:find("application/json", 1, true) and body:sub(1, 1) == "{"
    if status == 429 or status == 503 then clean = clean and headers["Retry-After"] ~= nil end
    key = key .. (clean and "" or "!")
  end
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total, all = {}, 0
  for _, t in ipairs(threads) do
    all = all + (t:get("sent") or 0)
    for k, v in pairs(t:get("counts") or {}) do total[k] = (total[k] or 0) + v end
  end
  local keys = {}
  for k in pairs(total) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. total[k] end
  io.write("statuses: " .. table.concat(out, " ") .. "\n")
  io.write("sent: " .. all .. "\n")
end
