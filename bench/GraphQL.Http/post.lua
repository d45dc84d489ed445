-- wrk script: POST the GraphQL request in the file named by GQL_BODY_FILE.
local file = assert(io.open(os.getenv("GQL_BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
