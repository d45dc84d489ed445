import json, urllib.request
URL="http://127.0.0.1:5077/graphql"
def gql(q, v=None, user="fixture@example.com"):
    req=urllib.request.Request(URL, data=json.dumps({"query":q,"variables":v or {}}).encode(), headers={"Content-Type":"application/json","X-LowCode-User":user})
    r=json.load(urllib.request.urlopen(req))
    assert "errors" not in r, r
    return r["data"]
def body(kind, key):
    field={"FORM":"form","PROCESS":"process","RULE_SET":"ruleSet"}[kind]
    return gql("query($k:ID!){ x:%s(key:$k){ body } }"%field, {"k":key})["x"]["body"]
P="definition{ version status etag }"
def save(kind,key,b,etag=None,user="fixture@example.com"):
    d=gql("mutation($kind:DefinitionKind!,$k:ID!,$d:JSON!,$e:String){ saveDraft(kind:$kind,key:$k,definition:$d,etag:$e){ %s error{message} problems{path message} } }"%P, {"kind":kind,"k":key,"d":b,"e":etag},user)["saveDraft"]
    assert d["error"] is None, d; return d["definition"]
def publish(kind,key,user="fixture@example.com"):
    d=gql("mutation($kind:DefinitionKind!,$k:ID!){ publish(kind:$kind,key:$k){ %s error{message} problems{path message} } }"%P, {"kind":kind,"k":key},user)["publish"]
    assert d["error"] is None, d; return d["definition"]
def retire(kind,key,v,user="fixture@example.com"):
    d=gql("mutation($kind:DefinitionKind!,$k:ID!,$v:Int!){ retire(kind:$kind,key:$k,version:$v){ %s error{message} } }"%P, {"kind":kind,"k":key,"v":v},user)["retire"]
    assert d["error"] is None, d; return d["definition"]
def discard(kind,key,e):
    d=gql("mutation($kind:DefinitionKind!,$k:ID!,$e:String!){ discardDraft(kind:$kind,key:$k,etag:$e){ %s error{message} } }"%P, {"kind":kind,"k":key,"e":e})["discardDraft"]
    assert d["error"] is None, d; return d["definition"]

# expense-claim: v1 retired, v2 published (new name), no draft
b=body("FORM","expense-claim"); b["name"]=b["name"]+" (revised)"
save("FORM","expense-claim",b,user="alice@example.com"); publish("FORM","expense-claim",user="bob@example.com"); retire("FORM","expense-claim",1,user="carol@example.com")
# access-request: published v1 with a draft (version 0) on top, saved twice (etag changes)
b=body("FORM","access-request"); b["name"]=b["name"]+" draft"
d=save("FORM","access-request",b,user="dave@example.com"); b["description"]="Second save of the draft, with ünïcödé and 'quotes'."; save("FORM","access-request",b,d["etag"],user="dave@example.com")
# a form that exists only as a draft
nb=body("FORM","expense-review"); nb["key"]="fixture-draft-only"; nb["name"]="Draft only (never published)"
save("FORM","fixture-draft-only",nb,user="erin@example.com")
# a form wholly retired
nb=body("FORM","expense-review"); nb["key"]="fixture-retired"; nb["name"]="Retired everywhere"
save("FORM","fixture-retired",nb); publish("FORM","fixture-retired"); retire("FORM","fixture-retired",1)
# a draft that was discarded leaves no row
nb["key"]="fixture-discarded"; nb["name"]="Discarded"; d=save("FORM","fixture-discarded",nb); discard("FORM","fixture-discarded",d["etag"])
# rule set with three versions: v1 retired, v2 published, v3 published, then a draft
rs=body("RULE_SET","expense-routing")
for i in (2,3):
    rs["name"]="Expense routing r%d"%i; save("RULE_SET","expense-routing",rs); publish("RULE_SET","expense-routing")
retire("RULE_SET","expense-routing",1)
rs["name"]="Expense routing r4 draft"; save("RULE_SET","expense-routing",rs)
# process: published v2
p=body("PROCESS","it-access-request"); p["name"]=p["name"]+" v2"; save("PROCESS","it-access-request",p); publish("PROCESS","it-access-request")
print("ok")
