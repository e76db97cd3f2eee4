// The customer's phone: a WhatsApp-like chat with YesWeChange, backed by /phone/api (polled every second).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let phone = null;
  let name = '';
  let timer = null;
  let lastRendered = '';

  async function api(path, options) {
    const response = await fetch('/phone/api' + path, options);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error || body.message || ('Erreur ' + response.status));
    }
    return body;
  }

  async function loadCustomers() {
    const customers = await api('/customers');
    for (const c of customers) {
      const option = document.createElement('option');
      option.value = c.phone;
      option.textContent = c.name + ' (' + c.phone + ')';
      option.dataset.name = c.name;
      $('customer-pick').appendChild(option);
    }
  }

  $('customer-pick').addEventListener('change', (e) => {
    const option = e.target.selectedOptions[0];
    $('phone-input').value = option.value;
    $('name-input').value = option.dataset.name || '';
  });

  $('start').addEventListener('click', () => {
    const value = $('phone-input').value.trim();
    if (!/^\+[1-9][0-9]{6,14}$/.test(value)) {
      $('login-error').textContent = 'Numéro invalide : utilisez le format international, par exemple +2250701020304.';
      return;
    }
    phone = value;
    name = $('name-input').value.trim() || value;
    $('login-error').textContent = '';
    $('me').textContent = name + ' · ' + phone;
    $('login').hidden = true;
    $('chat').hidden = false;
    lastRendered = '';
    refresh();
    timer = setInterval(refresh, 1000);
  });

  $('back').addEventListener('click', () => {
    clearInterval(timer);
    $('chat').hidden = true;
    $('login').hidden = false;
    $('messages').innerHTML = '';
  });

  function ticks(m) {
    switch (m.status) {
      case 'queued': case 'accepted': return ['🕓', 'Envoi en cours'];
      case 'sent': return ['✓', 'Envoyé'];
      case 'delivered': return ['✓✓', 'Distribué'];
      case 'read': return ['✓✓', 'Lu'];
      case 'failed': case 'undelivered': return ['⚠', 'Échec (' + (m.error_code || '?') + ')'];
      default: return ['', ''];
    }
  }

  function render(chat) {
    const key = JSON.stringify(chat);
    if (key === lastRendered) {
      return;
    }
    lastRendered = key;
    $('chat-status').textContent = chat.with_agent ? 'Conseiller YesWeChange' : 'Assistant automatique';
    $('handoff').disabled = chat.with_agent;
    const list = $('messages');
    list.innerHTML = '';
    for (const m of chat.messages) {
      const item = document.createElement('li');
      item.className = 'bubble' + (m.from_me ? ' mine' : ' theirs');
      item.dataset.sid = m.sid;
      item.dataset.status = m.status;
      for (const url of m.media) {
        const img = document.createElement('img');
        img.src = url;
        img.alt = 'Pièce jointe';
        item.appendChild(img);
      }
      if (m.body) {
        const text = document.createElement('span');
        text.className = 'text';
        text.textContent = m.body;
        item.appendChild(text);
      }
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = new Date(m.at).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
      if (!m.from_me) {
        const [symbol, label] = ticks(m);
        const t = document.createElement('span');
        t.className = 'ticks ' + m.status;
        t.title = label;
        t.textContent = ' ' + symbol;
        meta.appendChild(t);
      }
      item.appendChild(meta);
      list.appendChild(item);
    }
    list.scrollTop = list.scrollHeight;
  }

  async function refresh() {
    try {
      render(await api('/chat?phone=' + encodeURIComponent(phone)));
      $('chat-error').textContent = '';
    } catch (e) {
      $('chat-error').textContent = e.message;
    }
  }

  $('file').addEventListener('change', () => {
    const file = $('file').files[0];
    $('file-name').textContent = file ? 'Pièce jointe : ' + file.name : '';
  });

  $('composer').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('text').value;
    const file = $('file').files[0];
    if (!text.trim() && !file) {
      return;
    }
    const form = new FormData();
    form.append('phone', phone);
    form.append('name', name);
    form.append('body', text);
    if (file) {
      form.append('file', file);
    }
    try {
      await api('/messages', { method: 'POST', body: form });
      $('text').value = '';
      $('file').value = '';
      $('file-name').textContent = '';
      refresh();
    } catch (err) {
      $('chat-error').textContent = err.message;
    }
  });

  $('handoff').addEventListener('click', async () => {
    const text = $('text').value.trim() || 'Je souhaite parler à un conseiller.';
    try {
      await api('/handoff', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone: phone, name: name, body: text })
      });
      $('text').value = '';
      refresh();
    } catch (err) {
      $('chat-error').textContent = err.message;
    }
  });

  loadCustomers().catch((e) => { $('login-error').textContent = e.message; });
})();
