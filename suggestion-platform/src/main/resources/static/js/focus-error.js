// A form that comes back with errors: its error summary (autofocus, tabindex -1) takes the focus and is
// brought into view. autofocus focuses it without JavaScript; this also covers browsers that ignore
// autofocus on an element that is not a form control, and those that focus it without scrolling to it.
(function () {
    var summary = document.querySelector('.error-summary');
    if (summary) {
        summary.focus({ preventScroll: true });
        summary.scrollIntoView({ block: 'center' });
    }
})();
