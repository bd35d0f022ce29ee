-- wrk script: POST a 190-word STAR answer to /api/lint with the launch token.
-- Usage: TOKEN=... wrk -t2 -c16 -d10s -s bench/wrk/lint.lua http://127.0.0.1:7878/api/lint
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = [[{"framework":"STAR","text":"Situation: The Atlas search page took 4 seconds to load at peak, and support logged 30 complaints a week about it.\nTask: I owned the page and set myself a goal of one second at the 95th percentile before the spring sale.\nAction: I profiled the page and found two serial calls to the pricing service. I made them concurrent, added a 60-second cache keyed by region, and rolled the change out behind a flag one region at a time while I watched error rates and cache hit ratios. When the cache hid a pricing bug in one region, I added a purge endpoint and a check that compares cached prices with the source every hour.\nResult: Load time fell from 4 seconds to 700 ms, complaints dropped to 2 a week, and the sale ran without a single pricing incident."}]]
