extension HTMLReport {
    /// The page's style: screen and print (A4 landscape, one flow per page, rows never split).
    static let css = """
        body{font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2937;margin:0 auto;max-width:1400px;padding:16px 24px}
        h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}h3{font-size:15px}
        .meta{color:#4b5563}code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f3f4f6;padding:1px 4px;border-radius:3px}
        .tools input{font:inherit;padding:4px 8px;width:22em;border:1px solid #9ca3af;border-radius:4px}
        table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid #e5e7eb;padding:5px 7px;text-align:left;vertical-align:top}
        th{background:#f9fafb;font-weight:600}th button{font:inherit;border:0;background:none;padding:0;cursor:pointer}
        th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
        caption{text-align:left;font-weight:600;padding:4px 0}
        tr.bad td:first-child{border-left:4px solid #c62828}tr.good td:first-child{border-left:4px solid #1b7f3b}
        tr.dropped td{background:#fff1f0}.note{color:#6b7280;font-size:12px;margin-top:2px}
        .verdict{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:#6b7280;white-space:nowrap}
        .v-symmetric{background:#1b7f3b}.v-asymmetric,.v-nat-mismatch{background:#c62828}.v-no-route,.v-loop{background:#b45309}
        .v-denied{background:#4b5563}.v-unsupported-config{background:#7c3aed}
        .reason{background:#fff7ed;border-left:4px solid #c2410c;padding:6px 10px}.fix{background:#ecfdf5;border-left:4px solid #047857;padding:6px 10px}
        .fail{color:#c62828}.loc{color:#4b5563;font-size:12px}
        figure{margin:8px 0;border:1px solid #e5e7eb;border-radius:6px;padding:6px}
        .viewport{overflow:auto;max-height:80vh;cursor:grab}.viewport svg{display:block;max-width:none}
        .zoom-tools{text-align:right}.zoom-tools button{font:13px inherit;margin-left:4px;min-width:2.2em}
        figcaption{font-size:12px;color:#6b7280}footer{color:#6b7280;font-size:12px;margin:32px 0 8px}[hidden]{display:none}
        @page{size:A4 landscape;margin:10mm}
        @media print{body{max-width:none;padding:0;font-size:11pt}.tools,.zoom-tools{display:none}section.flow{break-before:page}
        figure{border:none;break-inside:avoid}.viewport{overflow:visible;max-height:none}.viewport svg{max-width:100%;height:auto;max-height:170mm}
        tr,li{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}}
        """

    /// Filter, sort, zoom and pan; no network, no libraries.
    static let script = """
        (function(){
        var box=document.getElementById('filter');
        function filter(){var q=box.value.trim().toLowerCase();
        document.querySelectorAll('[data-search]').forEach(function(e){e.hidden=q!==''&&e.getAttribute('data-search').indexOf(q)<0;});}
        if(box){box.addEventListener('input',filter);}
        document.querySelectorAll('table.sortable th button').forEach(function(b,col){b.addEventListener('click',function(){
        var th=b.parentNode,table=th.closest('table'),body=table.tBodies[0],asc=th.getAttribute('aria-sort')!=='ascending';
        table.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');
        var rows=Array.prototype.slice.call(body.rows);rows.sort(function(x,y){var a=x.cells[col].textContent,c=y.cells[col].textContent;
        return asc?a.localeCompare(c,undefined,{numeric:true}):c.localeCompare(a,undefined,{numeric:true});});
        rows.forEach(function(r){body.appendChild(r);});});});
        document.querySelectorAll('figure.diagram').forEach(function(f){
        var v=f.querySelector('.viewport'),s=v.querySelector('svg');if(!s){return;}
        var w=s.width.baseVal.value,h=s.height.baseVal.value,k=1;
        function set(n){k=Math.max(0.05,Math.min(8,n));s.style.width=(w*k)+'px';s.style.height=(h*k)+'px';}
        f.querySelectorAll('[data-zoom]').forEach(function(b){b.addEventListener('click',function(){var z=b.getAttribute('data-zoom');
        set(z==='fit'?v.clientWidth/w:z==='1'?1:k*parseFloat(z));});});
        v.addEventListener('wheel',function(e){if(!e.ctrlKey){return;}e.preventDefault();set(k*(e.deltaY<0?1.1:0.9));},{passive:false});
        var drag=null;v.addEventListener('mousedown',function(e){if(e.target.closest('a')){return;}drag={x:e.clientX,y:e.clientY,l:v.scrollLeft,t:v.scrollTop};v.style.cursor='grabbing';});
        window.addEventListener('mousemove',function(e){if(drag){v.scrollLeft=drag.l-(e.clientX-drag.x);v.scrollTop=drag.t-(e.clientY-drag.y);}});
        window.addEventListener('mouseup',function(){drag=null;v.style.cursor='';});});
        })();
        """
}
