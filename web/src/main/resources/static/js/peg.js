// htmx requests carry the session's CSRF token as a header, read from the page's meta tags
// (forms carry it anyway as a hidden field: this covers hx-post on elements that are no form).
document.addEventListener('htmx:configRequest', function (evento) {
    var token = document.querySelector('meta[name="_csrf"]');
    var intestazione = document.querySelector('meta[name="_csrf_header"]');
    if (token && intestazione) {
        evento.detail.headers[intestazione.content] = token.content;
    }
});
// after a partial update, move the focus to the first refusal or to the confirmation, so that a
// screen reader user hears what happened
document.addEventListener('htmx:afterSettle', function () {
    var primo = document.querySelector('.is-invalid, [data-esito]');
    if (primo) {
        primo.focus();
    }
});
// What a person was typing survives the end of the session. On sending, each form htmx sends (the
// recording forms of the pages: hx-post) keeps its fields in this tab's sessionStorage (never the CSRF
// token, a password or a file); an answer the page could show (a confirmation, or a refusal at its field)
// forgets them. A session that has ended answers 401 with HX-Refresh: htmx reloads the page, which passes
// by the sign-in and comes back here, and the fields are put back with a notice. Plain forms (sign-in,
// import) are not kept: their answer is a whole page. sessionStorage belongs to this tab and this origin.
(function () {
    var PREFISSO = 'peg-bozza:';

    // by path and form: the query may differ on the way back (Spring Security adds ?continue after a sign-in)
    function chiave(modulo) {
        return PREFISSO + location.pathname + '#' + modulo.id;
    }

    function conserva(modulo) {
        if (!modulo.id || !modulo.hasAttribute('hx-post')) {
            return;
        }
        var campi = [];
        Array.prototype.forEach.call(modulo.elements, function (campo) {
            if (!campo.name || campo.name === '_csrf' || campo.type === 'file' || campo.type === 'password'
                || campo.type === 'submit' || campo.type === 'button') {
                return;
            }
            if ((campo.type === 'checkbox' || campo.type === 'radio') && !campo.checked) {
                return;
            }
            campi.push([campo.name, campo.value]);
        });
        try {
            sessionStorage.setItem(chiave(modulo), JSON.stringify(campi));
        } catch (e) {
            // storage full or disabled: the form is sent as usual, only not kept
        }
    }

    function ripristina(modulo) {
        var salvato = sessionStorage.getItem(chiave(modulo));
        if (!salvato) {
            return;
        }
        sessionStorage.removeItem(chiave(modulo));
        var campi = JSON.parse(salvato);
        campi.forEach(function (coppia) {
            var elementi = modulo.querySelectorAll('[name="' + CSS.escape(coppia[0]) + '"]');
            Array.prototype.forEach.call(elementi, function (campo) {
                if (campo.type === 'checkbox' || campo.type === 'radio') {
                    campo.checked = campo.value === coppia[1];
                } else {
                    campo.value = coppia[1];
                }
            });
        });
        var dettagli = modulo.closest('details');
        if (dettagli) {
            dettagli.open = true;
        }
        var avviso = document.createElement('div');
        avviso.className = 'alert alert-info';
        avviso.setAttribute('role', 'status');
        avviso.setAttribute('tabindex', '-1');
        avviso.setAttribute('data-bozza-ripristinata', '');
        avviso.textContent = 'Abbiamo ripristinato i dati che stavi inserendo e che non sono stati registrati '
            + '(la sessione era scaduta). Controllali e invia di nuovo.';
        modulo.insertBefore(avviso, modulo.firstChild);
        avviso.focus();
    }

    document.addEventListener('submit', function (evento) {
        conserva(evento.target);
    }, true);
    // before the swap, while the form is still in the page (an event on a removed form reaches no listener)
    document.addEventListener('htmx:beforeSwap', function (evento) {
        var modulo = evento.detail.elt;
        var stato = evento.detail.xhr ? evento.detail.xhr.status : 0;
        if (stato >= 200 && stato < 300 && modulo && modulo.tagName === 'FORM' && modulo.id) {
            sessionStorage.removeItem(chiave(modulo));
        }
    });
    document.addEventListener('DOMContentLoaded', function () {
        Array.prototype.forEach.call(document.querySelectorAll('form[id][hx-post]'), ripristina);
    });
})();
// Charts: each [data-grafico] holds its chart as JSON (Grafico.json(): tipo, titolo, unita, massimo,
// categorie, serie with nome, valori, tratteggiata), drawn by ECharts on a canvas. The element is
// aria-hidden: the table after it carries the same values for assistive technology. Numbers are written
// with the decimal comma. Run at load and after each htmx swap (a form's answer replaces the main part).
(function () {
    var COLORI = ['#0666cc', '#008055', '#a66100', '#5c6f82', '#cc334d'];

    function numero(v, unita) {
        if (v === null || v === undefined) {
            return '—';
        }
        var testo = (Math.round(v * 10) / 10).toString().replace('.', ',');
        return unita === '%' ? testo + '%' : unita ? testo + ' ' + unita : testo;
    }

    function disegna(elemento) {
        if (typeof echarts === 'undefined' || elemento.getAttribute('data-disegnato')) {
            return;
        }
        var g = JSON.parse(elemento.getAttribute('data-grafico'));
        var linee = g.tipo === 'LINEE';
        // a count is written without its unit, as in the table (Grafico.valore)
        var unita = g.interi ? null : g.unita;
        var asseCategorie = {type: 'category', data: g.categorie, inverse: g.orizzontale,
            axisLabel: g.orizzontale ? {width: 220, overflow: 'truncate'} : {rotate: g.categorie.length > 6 ? 45 : 0}};
        var asseValori = {type: 'value', min: 0, max: g.massimo === null ? undefined : g.massimo,
            minInterval: g.interi ? 1 : undefined,
            axisLabel: {formatter: function (v) { return numero(v, unita); }}};
        // the height through the CSSOM: the CSP refuses style attributes
        if (g.orizzontale) {
            elemento.style.height = g.altezza + 'px';
        }
        var grafico = echarts.init(elemento, null, {renderer: 'canvas'});
        grafico.setOption({
            animation: false,
            color: COLORI,
            tooltip: {trigger: 'axis', confine: true, valueFormatter: function (v) { return numero(v, unita); }},
            legend: {show: g.serie.length > 1, bottom: 0},
            grid: {left: 48, right: 16, top: 16, bottom: g.serie.length > 1 ? 72 : 48, containLabel: true},
            xAxis: g.orizzontale ? asseValori : asseCategorie,
            yAxis: g.orizzontale ? asseCategorie : asseValori,
            series: g.serie.map(function (s) {
                return {name: s.nome, type: linee ? 'line' : 'bar', data: s.valori, connectNulls: false,
                    lineStyle: s.tratteggiata ? {type: 'dashed'} : undefined};
            })
        });
        elemento.setAttribute('data-disegnato', 'true');
        window.addEventListener('resize', function () { grafico.resize(); });
    }

    function disegnaTutti() {
        Array.prototype.forEach.call(document.querySelectorAll('[data-grafico]'), disegna);
    }

    document.addEventListener('DOMContentLoaded', disegnaTutti);
    document.addEventListener('htmx:afterSettle', disegnaTutti);
})();
