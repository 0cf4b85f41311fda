-- wrk script for scripts/soak: a steady mix on a fixed schedule of RATE requests/s (wrk's delay() hook), in turn:
-- POST /v1/score and /v1alpha1/comments:analyze with a scorer key from readers' addresses (X-Forwarded-For, a new
-- address every 5 requests, so the per-address state sees new visitors all the time), POST /v1/score/batch (10
-- comments) and POST /v1/comments (a new id each, "__ID__" in the body) with a website key. Counts statuses.
-- Usage: wrk -t1 -s scripts/lib/wrk-soak.lua URL -- DIR PAGE_KEY SITE_KEY RATE RUN
-- DIR holds single.jsonl, analyze.jsonl, batch.jsonl and submit.jsonl (JSON bodies, one a line); RUN prefixes ids.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"

-- one cycle of 20 requests: 12 single scores, 4 :analyze, 1 batch, 3 submissions
local CYCLE = {"s", "a", "s", "c", "s", "s", "a", "s", "c", "s", "b", "s", "a", "s", "c", "s", "s", "a", "s", "s"}
local PATHS = {s = "/v1/score", a = "/v1alpha1/comments:analyze", b = "/v1/score/batch", c = "/v1/comments"}
local bodies, next_of, n, page, site, run = {}, {}, 0, nil, nil, nil

function init(args)
  for k, file in pairs({s = "single", a = "analyze", b = "batch", c = "submit"}) do
    bodies[k] = {}
    for line in io.lines(args[1] .. "/" .. file .. ".jsonl") do bodies[k][#bodies[k] + 1] = line end
    next_of[k] = 0
  end
  page, site, run = "Bearer " .. args[2], "Bearer " .. args[3], args[5]
  delay = dofile(here .. "wrk-pace.lua")(tonumber(args[4]))
  counts = {}
end

function request()
  n = n + 1
  local kind = CYCLE[(n - 1) % #CYCLE + 1]
  next_of[kind] = next_of[kind] % #bodies[kind] + 1
  local body = bodies[kind][next_of[kind]]
  local headers = {["Content-Type"] = "application/json"}
  if kind == "s" or kind == "a" then
    local a = math.floor(n / 5)
    headers["Authorization"] = page
    headers["X-Forwarded-For"] = "10." .. math.floor(a / 65536) % 256 .. "." .. math.floor(a / 256) % 256 .. "." .. a % 256
  else
    headers["Authorization"] = site
    if kind == "c" then body = body:gsub("__ID__", run .. "-" .. n) end
  end
  return wrk.format("POST", PATHS[kind], headers, body)
end

function response(status)
  counts[status] = (counts[status] or 0) + 1
end

function setup(thread)
  threads = threads or {}
  threads[#threads + 1] = thread
end

function done()
  local total, keys = {}, {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts") or {}) do total[k] = (total[k] or 0) + v end
  end
  for k in pairs(total) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. total[k] end
  io.write("statuses: " .. table.concat(out, " ") .. "\n")
end
