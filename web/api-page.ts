// The API documentation page's script: each "Try it" form sends its request to the server that
// served the page and shows the answer; the examples show this server's address. Opened from a
// file, there is no server: the forms say so.
function setup(): void {
  const offline = location.protocol === 'file:';
  if (offline) document.getElementById('offline-note')?.removeAttribute('hidden');
  else for (const el of document.querySelectorAll('.origin')) el.textContent = location.origin;
  for (const form of document.querySelectorAll<HTMLFormElement>('form.try')) {
    const answer = form.querySelector('output')!;
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    if (offline) {
      button.disabled = true;
      continue;
    }
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const method = form.dataset['method']!;
      const id = form.querySelector<HTMLInputElement>('input[name=id]');
      const path = form.dataset['path']!.replace('{id}', encodeURIComponent(id?.value.trim() ?? ''));
      const body = form.querySelector<HTMLTextAreaElement>('textarea[name=body]')?.value;
      button.disabled = true;
      answer.textContent = 'Sending…';
      try {
        const res = await fetch(path, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body }) });
        const text = await res.text();
        let shown = text;
        try {
          shown = JSON.stringify(JSON.parse(text), null, 2);
        } catch {
          // Not JSON: show it as it came.
        }
        const status = document.createElement('p');
        status.className = res.ok ? 'ok' : 'bad';
        status.textContent = `${res.status} ${res.statusText}`;
        const pre = document.createElement('pre');
        pre.textContent = shown;
        answer.replaceChildren(status, pre);
      } catch (error) {
        answer.textContent = `The request failed: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        button.disabled = false;
      }
    });
  }
}

setup();
