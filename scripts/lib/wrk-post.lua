-- wrk script: POSTs the JSON bodies of a file (one per line) in turn, with the bench key.
-- Usage: wrk -s scripts/lib/wrk-post.lua URL -- BODIES_FILE KEY [RATE]
-- RATE (requests/s, for wrk -t1) paces the requests on a fixed schedule shared by all
-- connections, so latency is measured at a set load rather than as fast as the server goes.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } parley_timespec;
  int clock_gettime(int clock, parley_timespec *ts);
]]
local ts = ffi.new("parley_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local bodies = {}
local i = 0
local interval, next_slot

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  if args[3] then
    interval = 1000 / tonumber(args[3])
    -- wrk looks for delay() after init, so unpaced runs keep its faster path without one.
    delay = function()
      local now = now_ms()
      next_slot = (next_slot or now) + interval
      local wait = next_slot - now
      return wait > 0 and wait or 0
    end
  end
end

function request()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
