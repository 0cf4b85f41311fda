-- wrk script: POSTs the JSON bodies of a file (one per line) in turn, with the bench key.
-- Usage: wrk -s scripts/lib/wrk-post.lua URL -- BODIES_FILE KEY [RATE]
-- RATE (requests/s, for wrk -t1) paces the requests on a fixed schedule shared by all
-- connections, so latency is measured at a set load rather than as fast as the server goes.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local bodies = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  if args[3] then delay = dofile(here .. "wrk-pace.lua")(tonumber(args[3])) end
end

function request()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
