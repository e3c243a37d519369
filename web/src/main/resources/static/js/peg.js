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
