'use strict';
// Exchanges the admin token for an HttpOnly session cookie, then opens the page asked for.
document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const message = document.getElementById('message');
  message.textContent = '';
  message.className = '';
  const response = await fetch('/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-ProductOpsDash': '1' },
    body: JSON.stringify({ token: document.getElementById('token').value }),
    credentials: 'same-origin',
  });
  if (response.ok) {
    const next = new URLSearchParams(location.search).get('next');
    // Only ever go to a dashboard path of this server, whatever the query string says.
    location.assign(next && /^\/app(\/|$|\?)/.test(next) ? next : '/app/overview');
    return;
  }
  let title = 'Login failed (' + response.status + ')';
  try { title = (await response.json()).title || title; } catch (e) { /* not JSON */ }
  message.textContent = title;
  message.className = 'error';
});
