# Independent derivation of the relations Backstage's BuiltinKindsEntityProcessor (and the
# AI model module) emit for shared/conformance/backstage/examples, for the conformance test.
import yaml, glob, json, os, sys
base = sys.argv[1]
RULES = [
 (['component','api','resource','system','domain','airesource'],'owner',False,'group','ownedBy','ownerOf'),
 (['component'],'subcomponentOf',False,'component','partOf','hasPart'),
 (['component','api','resource','airesource'],'system',False,'system','partOf','hasPart'),
 (['system'],'domain',False,'domain','partOf','hasPart'),
 (['domain'],'subdomainOf',False,'domain','partOf','hasPart'),
 (['component'],'providesApis',True,'api','providesApi','apiProvidedBy'),
 (['component'],'consumesApis',True,'api','consumesApi','apiConsumedBy'),
 (['component','resource','airesource'],'dependsOn',True,None,'dependsOn','dependencyOf'),
 (['component','resource'],'dependencyOf',True,None,'dependencyOf','dependsOn'),
 (['user'],'memberOf',True,'group','memberOf','hasMember'),
 (['group'],'members',True,'user','hasMember','memberOf'),
 (['group'],'parent',False,'group','childOf','parentOf'),
 (['group'],'children',True,'group','parentOf','childOf'),
]
def parse(ref, kind, ns):
    c, s = ref.find(':'), ref.find('/')
    if c >= 0 and (s < 0 or c < s): kind, ref = ref[:c], ref[c+1:]
    s = ref.find('/')
    if s >= 0: ns, ref = ref[:s], ref[s+1:]
    return f'{kind}:{ns}/{ref}'.lower()
entities = {}
for f in sorted(glob.glob(os.path.join(base, '**/*.yaml'), recursive=True)):
    for d in yaml.safe_load_all(open(f)):
        if isinstance(d, dict) and 'kind' in d:
            ns = d['metadata'].get('namespace', 'default')
            entities[f"{d['kind']}:{ns}/{d['metadata']['name']}".lower()] = d
rel = {k: set() for k in entities}
for ref, d in entities.items():
    kind = d['kind'].lower(); ns = d['metadata'].get('namespace', 'default')
    for kinds, field, is_list, dk, out, inc in RULES:
        if kind not in kinds: continue
        v = (d.get('spec') or {}).get(field)
        if v is None: continue
        for t in (v if is_list else [v]):
            target = parse(t, dk, ns)
            assert target in entities, (ref, field, target)
            rel[ref].add((out, target)); rel[target].add((inc, ref))
json.dump({k: [{'type': t, 'targetRef': r} for t, r in sorted(v)] for k, v in sorted(rel.items())}, sys.stdout, indent=2, sort_keys=True)
print()
