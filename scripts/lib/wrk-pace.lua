-- Paces a wrk script's requests (wrk -t1) on a fixed schedule of RATE requests/s shared by all its connections, on a
-- monotonic clock, so latency is measured at a set load rather than as fast as the server goes.
-- Usage, in init() of another wrk script (wrk looks for delay() after init, so unpaced runs keep its faster path):
--   delay = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk-pace.lua")(RATE)
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

return function(rate)
  local interval, next_slot = 1000 / rate, nil
  return function()
    local now = now_ms()
    next_slot = (next_slot or now) + interval
    local wait = next_slot - now
    return wait > 0 and wait or 0
  end
end
