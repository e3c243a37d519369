# Regenerate, from this folder: python3 oracolo.py ../../../../../docs/peg/capannori-2023-obiettivi-peg-straordinari.txt > capannori-2023-atteso.tsv
# Written apart from the Java reader on purpose: the tests compare two independent readings.
# Independent reading of the print, for the test fixture: what every objective holds, line by line.
import re,sys
L=open(sys.argv[1],encoding='utf-8').read().split('\n')
def s(x): return re.sub(r'\s+',' ',re.sub(r'<[^>]+>',' ',x).replace('**','')).strip()
def d(x):
    g,m,a=x.split('/'); return f'{a}-{m}-{g}'
out=[];mode=None
for i,l in enumerate(L,1):
    c=[s(x) for x in l.split('\t')]
    while c and c[-1]=='': c.pop()
    if not c or all(re.fullmatch(r'-+',x) for x in c): continue
    h=c[0]
    if h=='Obiettivo PEG': out.append(['O',str(i),' '.join(c[1:])]); mode=None; continue
    if not out: continue
    if h=='Peso indicatori':
        m=re.search(r'Peso indicatori\s+(\S+)\s+Peso fasi\s+(\S+)',' '.join(c)); out.append(['W',m.group(1),m.group(2)]); continue
    if h in ('Obiettivo strategico DUP','Obiettivo operativo DUP'):
        out.append(['S' if 'strategico' in h else 'D', c[1].split(' - ')[0].strip()]); continue
    if h=='Persona': mode='P'; continue
    if h=='Fase': mode='F'; continue
    if h in ('Cronoprogramma','Indicatore','Descrizione') or re.match(r'^[A-Z]+ - ',h) and len(c)==1: mode=None; continue
    if mode=='P':
        out.append(['P',str(i),c[0],c[1],c[2] if len(c)==5 else '',d(c[-2]),d(c[-1])])
    elif mode=='F':
        m=re.match(r'^(\d{1,2})(?:\s*-\s*|\s+)(\S.*)$',c[0])
        n,t=(m.group(1),m.group(2).strip()) if m else ('',c[0])
        out.append(['F',str(i),n,t,d(c[-2]),d(c[-1])])
for r in out: print('\t'.join(r))
