-- wrk script: POSTs the JSON bodies of a file (one per line) in turn, with the bench key.
-- Usage: wrk -s scripts/lib/wrk-post.lua URL -- BODIES_FILE KEY
local bodies = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
end

function request()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
