-- wrk script for scripts/soak: a steady mix on a fixed schedule of RATE requests/s (wrk's delay() hook), in turn:
-- POST /v1/score and /v1alpha1/comments:analyze with a scorer key from readers' addresses (X-Forwarded-For, a new
-- address every 5 requests, so the per-address state sees new visitors all the time), POST /v1/score/batch (10
-- comments), POST /batch (Google's multipart/mixed, 10 :analyze parts, each with ?key= the site's key, as Google's
-- Python client sends them from a server) and POST /v1/comments (a new id each, "__ID__" in the body) with a website
-- key; every 200th submission is instead the site's DELETE /v1/comments/{id} of the one it sent 100 submissions
-- before (an erasure, and its log line). Counts statuses.
-- Usage: wrk -t1 -s scripts/lib/wrk-soak.lua URL -- DIR PAGE_KEY SITE_KEY RATE RUN
-- DIR holds single.jsonl, analyze.jsonl, batch.jsonl and submit.jsonl (JSON bodies, one a line) and mixed.jsonl (a
-- /batch body a line, "\r\n" written "<CRLF>" and the key "__KEY__"); RUN prefixes ids.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"

-- one cycle of 40 requests: 23 single scores, 8 :analyze, 2 batches, 1 /batch of 10 :analyze parts, 6 submissions
local CYCLE = {"s", "a", "s", "c", "s", "s", "a", "s", "c", "s", "b", "s", "a", "s", "c", "s", "s", "a", "s", "s",
               "s", "a", "s", "c", "s", "m", "a", "s", "c", "s", "b", "s", "a", "s", "c", "s", "s", "a", "s", "s"}
local PATHS = {s = "/v1/score", a = "/v1alpha1/comments:analyze", b = "/v1/score/batch", c = "/v1/comments", m = "/batch"}
local ERASE_EVERY, ERASE_BACK = 200, 100  -- the site withdraws one comment in 200, one it sent 100 submissions before
local bodies, next_of, n, page, site, run, submitted = {}, {}, 0, nil, nil, nil, {}

function init(args)
  for k, file in pairs({s = "single", a = "analyze", b = "batch", c = "submit", m = "mixed"}) do
    bodies[k] = {}
    for line in io.lines(args[1] .. "/" .. file .. ".jsonl") do
      if k == "m" then line = line:gsub("<CRLF>", "\r\n"):gsub("__KEY__", args[3]) end
      bodies[k][#bodies[k] + 1] = line
    end
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
  elseif kind == "m" then
    headers["Content-Type"] = "multipart/mixed; boundary=soak"  -- each part holds its key
  else
    headers["Authorization"] = site
    if kind == "c" then
      if #submitted >= ERASE_BACK and (#submitted + 1) % ERASE_EVERY == 0 then
        submitted[#submitted + 1] = false  -- counted, so the next is a submission again
        return wrk.format("DELETE", "/v1/comments/" .. submitted[#submitted - ERASE_BACK], headers)
      end
      local id = run .. "-" .. n
      submitted[#submitted + 1] = id
      body = body:gsub("__ID__", id)
    end
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
