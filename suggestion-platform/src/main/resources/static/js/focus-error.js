// A form that comes back with errors: its error summary (autofocus, tabindex -1) takes the focus, which
// also scrolls it into view. autofocus does this without JavaScript; this covers browsers that ignore
// autofocus on an element that is not a form control.
(function () {
    var summary = document.querySelector('.error-summary');
    if (summary && document.activeElement !== summary) {
        summary.focus();
    }
})();
