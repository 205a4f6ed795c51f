// The only script a page without React runs (public and entrepreneur pages, app/root.tsx): a few
// hundred bytes of plain DOM that give the same small enhancements the React components give.
// - the error summary takes focus, as ErrorSummary does after a failed post;
// - a copy button (`data-copy-target`, hidden until the clipboard API is there) copies the field's
//   value and says so in its status line (`data-copy-status`), as CopyButton does.
export const enhanceScript = `(() => {
  document.querySelector('.error-summary')?.focus();
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll('button[data-copy-target]')) {
    const input = document.getElementById(button.dataset.copyTarget);
    const status = document.getElementById(button.dataset.copyStatus);
    button.closest('[hidden]')?.removeAttribute('hidden');
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(input ? input.value : '');
        if (status) { status.textContent = button.dataset.copied; status.className = 'muted'; }
      } catch {
        input?.select();
        if (status) { status.textContent = button.dataset.copyFailed; status.className = 'error-text'; }
      }
    });
  }
})();`;
