# Generates the bundled demo panels (PanelApp API detail layout) from published facts:
# panel metadata from the PanelApp list pages, gene ratings from PanelAppRex's TSV (or the detail response where one
# exists), HGNC ids/locations from any detail response that lists the gene.
import json, glob, csv, sys, os
# usage (from the repo root): PANELAPP_DATA=../shared/data/panelapp python3 tools/generate-demo-panels.py \
#   src/OpenGms.Panels/Infrastructure/Demo 772,635,503,504,76,1318,1321,700,402 472,126,285,486 402
# args: output folder, panels with genes, panels bundled as list entries only, panels written compactly
root=os.environ.get('PANELAPP_DATA', '../shared/data/panelapp')
out=sys.argv[1]
ids=[int(x) for x in sys.argv[2].split(',')]
listonly=[int(x) for x in sys.argv[3].split(',')]
compact=set(int(x) for x in sys.argv[4].split(','))
summ={}; signed={}
for f in sorted(glob.glob(root+'/**/*.json',recursive=True)):
    d=json.load(open(f))
    for p in (d['results'] if 'results' in d else [d]):
        if 'panelapprex' in f and 'genes' not in p: summ[p['id']]=p
        if p.get('signed_off'): signed.setdefault(p['id'],{})[p['version']]=p
genes_info={}; details={}
for f in sorted(glob.glob(root+'/**/*.json',recursive=True)):
    d=json.load(open(f))
    for p in (d['results'] if 'results' in d else [d]):
        if 'genes' in p and 'panelapprex' in f: details[p['id']]=p
        for g in p.get('genes',[]):
            gd=g.get('gene_data') or {}
            s=gd.get('hgnc_symbol')
            if s and s not in genes_info: genes_info[s]=gd
tsv={}
with open(root+'/panelapprex/PanelAppData_combined_core.tsv') as fh:
    for r in csv.DictReader(fh, delimiter='\t'):
        tsv.setdefault(int(r['id']),[]).append(r)
known_hgnc={'LDLR':'HGNC:6547','APOB':'HGNC:603','PCSK9':'HGNC:20001','APOE':'HGNC:613','LDLRAP1':'HGNC:18640','GCKR':'HGNC:4196',
  'MLH1':'HGNC:7127','MSH2':'HGNC:7325','MSH6':'HGNC:7329','PMS2':'HGNC:9122','EPCAM':'HGNC:11529','CFTR':'HGNC:1884','DMD':'HGNC:2928'}
moi={'AD':'MONOALLELIC, autosomal or pseudoautosomal, NOT imprinted','AR':'BIALLELIC, autosomal or pseudoautosomal',
     'AD/AR':'BOTH monoallelic and biallelic, autosomal or pseudoautosomal',
     'XL':'X-LINKED: hemizygous mutation in males, monoallelic mutations in females may cause disease (may be less severe, later onset than males)',
     'MT':'MITOCHONDRIAL','NA':''}
def gene_data(sym):
    gd=genes_info.get(sym)
    if gd:
        eg={}
        for b,rels in (gd.get('ensembl_genes') or {}).items():
            k=max(rels, key=int); eg[b]={k:{'location':rels[k]['location'],'ensembl_id':rels[k]['ensembl_id']}}
        return {'hgnc_id':gd.get('hgnc_id'),'gene_symbol':sym,'hgnc_symbol':sym,'ensembl_genes':eg}
    return {'hgnc_id':known_hgnc.get(sym),'gene_symbol':sym,'hgnc_symbol':sym}
meta=('id','name','disease_group','disease_sub_group','status','version','version_created','relevant_disorders','stats','types')
for pid in ids:
    s=summ[pid]; panel={k:s[k] for k in meta}
    for t in panel['types']: t.pop('description',None)
    genes=[]
    if pid in details and pid in compact:
        for g in details[pid]['genes']:
            genes.append({'gene_data':{'hgnc_id':g['gene_data'].get('hgnc_id'),'hgnc_symbol':g['gene_data']['hgnc_symbol']},'entity_type':'gene','entity_name':g['entity_name'],
                'confidence_level':g['confidence_level'],'mode_of_inheritance':g['mode_of_inheritance']})
        keep=('entity_type','entity_name','verbose_name','confidence_level','mode_of_inheritance','repeated_sequence','chromosome','grch37_coordinates','grch38_coordinates','normal_repeats','pathogenic_repeats','haploinsufficiency_score','triplosensitivity_score','required_overlap_percentage','type_of_variants')
        panel['strs']=[{k:e[k] for k in keep if k in e} for e in details[pid]['strs']]
        panel['regions']=[{k:e[k] for k in keep if k in e} for e in details[pid]['regions']]
    elif pid in details:
        for g in details[pid]['genes']:
            genes.append({'gene_data':gene_data(g['gene_data']['hgnc_symbol']),'entity_type':'gene','entity_name':g['entity_name'],
                'confidence_level':g['confidence_level'],'mode_of_inheritance':g['mode_of_inheritance'],'mode_of_pathogenicity':g.get('mode_of_pathogenicity'),
                'penetrance':g.get('penetrance'),'phenotypes':g['phenotypes'],'publications':[],'tags':g.get('tags',[])})
        panel['strs']=[]; panel['regions']=[]
    else:
        for r in sorted(tsv[pid], key=lambda r:r['Gene']):
            genes.append({'gene_data':gene_data(r['Gene']),'entity_type':'gene','entity_name':r['Gene'],'confidence_level':r['confidence_level'],
                'mode_of_inheritance':moi[r['mode_of_inheritance']],'phenotypes':[],'publications':[],'tags':[]})
        panel['strs']=[]; panel['regions']=[]
    panel['genes']=genes
    assert len(genes)==s['stats']['number_of_genes'], (pid,len(genes),s['stats'])
    if pid in compact:
        json.dump(panel, open(os.path.join(out,f'panel_{pid}.json'),'w'), separators=(',',':'), ensure_ascii=False)
    else:
        json.dump(panel, open(os.path.join(out,f'panel_{pid}.json'),'w'), indent=1, ensure_ascii=False)
    print(pid, s['name'], s['version'], len(genes), 'signed:', list(signed.get(pid,{}).keys()))
# signed-off list entries (older versions) as one list page
res=[]
for pid in ids:
    for v,p in signed.get(pid,{}).items():
        e={k:p[k] for k in meta if k in p}; e['signed_off']=p['signed_off']
        for t in e.get('types',[]): t.pop('description',None)
        res.append(e)
json.dump({'count':len(res),'next':None,'previous':None,'results':res}, open(os.path.join(out,'signed_off_list.json'),'w'), indent=1, ensure_ascii=False)

lst=[]
for pid in listonly:
    e={k:summ[pid][k] for k in meta}
    for t in e['types']: t.pop('description',None)
    lst.append(e)
json.dump({'count':len(lst),'next':None,'previous':None,'results':lst}, open(os.path.join(out,'list_entries.json'),'w'), indent=1, ensure_ascii=False)
