// Agent UI behaviour: keyboard shortcuts, reply / private-note modes, canned responses, live-stream fallback to
// polling, handoff notifications, dashboard charts. Message content is only ever handled as text here (textContent,
// value, Notification body): every HTML fragment comes from the server's templates, which escape it.
(function () {
  'use strict';

  var body = document.body;
  var pollSeconds = Math.max(parseInt(body.dataset.pollSeconds || '4', 10), 1);
  var pollTimer = null;

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  // ---------------------------------------------------------------------------------------------- thread helpers
  function currentConversationId() {
    var thread = $('#thread');
    return thread ? thread.dataset.conversationId : null;
  }

  function lastMessageId() {
    var ids = $all('#messages li.msg').map(function (li) { return parseInt(li.dataset.id, 10); });
    return ids.length ? Math.max.apply(null, ids) : 0;
  }

  function scrollToBottom() {
    var list = $('#messages');
    if (list) { list.scrollTop = list.scrollHeight; }
  }

  // ---------------------------------------------------------------------------------------------- live / polling
  function setLiveState(mode) {
    var state = $('#live-state');
    if (!state) { return; }
    state.dataset.mode = mode;
    state.textContent = mode === 'live' ? body.dataset.textLive : body.dataset.textPolling;
  }

  function pollOnce() {
    var list = $('#conv-list');
    if (list) { htmx.trigger(list, 'refresh'); }
    var counts = $('#sidebar-counts');
    if (counts) { htmx.trigger(counts, 'refresh'); }
    var id = currentConversationId();
    if (id) {
      htmx.ajax('GET', '/ui/conversations/' + encodeURIComponent(id) + '/messages?after=' + lastMessageId(),
        { target: '#messages', swap: 'beforeend' });
    }
  }

  function startPolling() {
    setLiveState('polling');
    if (!pollTimer) { pollTimer = window.setInterval(pollOnce, pollSeconds * 1000); }
  }

  function stopPolling() {
    setLiveState('live');
    if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
  }

  document.addEventListener('htmx:sseOpen', function () {
    stopPolling();
    pollOnce(); // catch up on what happened while the stream was down
  });
  document.addEventListener('htmx:sseError', startPolling);
  document.addEventListener('htmx:sseClose', startPolling);

  // A message can arrive twice (our own reply's answer, then its live event; or polling and the stream racing):
  // the server renders each as <li id="m-ID">, so skip a fragment whose message is already on screen.
  document.addEventListener('htmx:sseBeforeMessage', function (evt) {
    var data = evt.detail && evt.detail.data;
    var match = typeof data === 'string' ? /id="m-(\d+)"/.exec(data) : null;
    if (match && document.getElementById('m-' + match[1])) { evt.preventDefault(); }
    if (evt.detail && evt.detail.type === 'handoff') { notifyHandoff(data); }
  });
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (evt.detail.target && evt.detail.target.id === 'messages' && typeof evt.detail.serverResponse === 'string') {
      var ids = [];
      var re = /id="m-(\d+)"/g;
      var m;
      while ((m = re.exec(evt.detail.serverResponse)) !== null) { ids.push(m[1]); }
      if (ids.length && ids.every(function (id) { return document.getElementById('m-' + id); })) {
        evt.detail.shouldSwap = false;
      }
    }
  });
  document.addEventListener('htmx:afterSwap', function (evt) {
    if (evt.detail.target && (evt.detail.target.id === 'messages' || evt.detail.target.id === 'thread')) {
      scrollToBottom();
    }
  });
  document.addEventListener('htmx:sseMessage', function (evt) {
    if (evt.detail && typeof evt.detail.type === 'string' && evt.detail.type.indexOf('conversation-') === 0) {
      scrollToBottom();
    }
  });

  // ---------------------------------------------------------------------------------------------- notifications
  var notifyToggle = $('#notify-toggle');
  if (notifyToggle) {
    notifyToggle.checked = window.localStorage.getItem('notify') === '1';
    notifyToggle.addEventListener('change', function () {
      if (notifyToggle.checked && 'Notification' in window && Notification.permission !== 'granted') {
        Notification.requestPermission();
      }
      window.localStorage.setItem('notify', notifyToggle.checked ? '1' : '0');
    });
  }

  function beep() {
    try {
      var AudioCtx = window.AudioContext || window.webkitAudioContext;
      var ctx = new AudioCtx();
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.25);
    } catch (e) { /* no audio device: the notification is enough */ }
  }

  // The handoff event's data is the customer's name as plain text.
  function notifyHandoff(text) {
    var counts = $('#sidebar-counts');
    if (counts) { htmx.trigger(counts, 'refresh'); }
    if (window.localStorage.getItem('notify') !== '1') { return; }
    beep();
    if ('Notification' in window && Notification.permission === 'granted') {
      new Notification(body.dataset.textHandoff, { body: String(text || ''), tag: 'handoff' });
    }
  }

  // ---------------------------------------------------------------------------------------------- composer
  function setMode(note) {
    var composer = $('#composer');
    if (!composer) { return; }
    $('#composer-private').value = note ? 'true' : 'false';
    composer.classList.toggle('note-mode', note);
    $('#mode-reply').setAttribute('aria-pressed', note ? 'false' : 'true');
    $('#mode-note').setAttribute('aria-pressed', note ? 'true' : 'false');
    var text = $('#composer-text');
    text.placeholder = note ? text.dataset.placeholderNote : text.dataset.placeholderReply;
    $('#composer-label').textContent = text.placeholder;
    var send = $('#send-btn');
    send.textContent = note ? send.dataset.labelNote : send.dataset.labelReply;
    text.focus();
  }

  document.addEventListener('click', function (evt) {
    var target = evt.target;
    if (target.closest('#mode-reply')) { setMode(false); }
    if (target.closest('#mode-note')) { setMode(true); }
    if (target.closest('#help-open')) { openHelp(); }
    var option = target.closest('#canned-list li');
    if (option) { pickCanned(option); }
  });

  // Clear the composer once the server accepted the message (keep the mode: agents write several notes in a row).
  document.addEventListener('htmx:afterRequest', function (evt) {
    if (evt.detail.elt && evt.detail.elt.id === 'composer' && evt.detail.successful) {
      var text = $('#composer-text');
      if (text && !$('#thread .flash')) { text.value = ''; }
      var file = $('#composer-file');
      if (file) { file.value = ''; }
    }
  });

  // ---------------------------------------------------------------------------------------------- canned responses
  function cannedList() { return $('#canned-list'); }

  function closeCanned() {
    var list = cannedList();
    if (list) { list.hidden = true; list.textContent = ''; }
  }

  function pickCanned(option) {
    var text = $('#composer-text');
    text.value = option.dataset.content;
    closeCanned();
    text.focus();
  }

  function moveCanned(step) {
    var options = $all('#canned-list li');
    if (!options.length) { return; }
    var index = options.findIndex(function (o) { return o.getAttribute('aria-selected') === 'true'; });
    var next = (index + step + options.length) % options.length;
    options.forEach(function (o, i) { o.setAttribute('aria-selected', i === next ? 'true' : 'false'); });
    $('#composer-text').setAttribute('aria-activedescendant', options[next].id);
  }

  document.addEventListener('input', function (evt) {
    if (evt.target.id !== 'composer-text') { return; }
    var match = /^\/(\S*)$/.exec(evt.target.value);
    if (!match) { closeCanned(); return; }
    htmx.ajax('GET', '/ui/canned?q=' + encodeURIComponent(match[1]), { target: '#canned-list', swap: 'innerHTML' })
      .then(function () {
        var list = cannedList();
        if (list) { list.hidden = list.children.length === 0; }
      });
  });

  // ---------------------------------------------------------------------------------------------- keyboard
  function openHelp() {
    var help = $('#help');
    if (help && !help.open) { help.showModal(); }
  }

  function goToSibling(step) {
    var links = $all('.conv-list a[data-conversation-id]');
    if (!links.length) { return; }
    var current = links.findIndex(function (a) { return a.getAttribute('aria-current') === 'page'; });
    var next = current < 0 ? 0 : Math.min(Math.max(current + step, 0), links.length - 1);
    if (next !== current) { window.location.href = links[next].href; }
  }

  document.addEventListener('keydown', function (evt) {
    var list = cannedList();
    if (evt.target.id === 'composer-text' && list && !list.hidden) {
      if (evt.key === 'ArrowDown') { moveCanned(1); evt.preventDefault(); return; }
      if (evt.key === 'ArrowUp') { moveCanned(-1); evt.preventDefault(); return; }
      if (evt.key === 'Escape') { closeCanned(); evt.preventDefault(); return; }
      if (evt.key === 'Enter' || evt.key === 'Tab') {
        var selected = $('#canned-list li[aria-selected="true"]');
        if (selected) { pickCanned(selected); evt.preventDefault(); return; }
      }
    }
    if (evt.target.id === 'composer-text' && evt.key === 'Enter' && !evt.shiftKey && !evt.altKey && !evt.ctrlKey
        && !evt.metaKey && !evt.isComposing) {
      evt.preventDefault(); // Enter sends, Shift+Enter starts a new line (as in Chatwoot)
      if (evt.target.value.trim() || ($('#composer-file') && $('#composer-file').files.length)) {
        $('#composer').requestSubmit();
      }
      return;
    }
    if ((evt.ctrlKey || evt.metaKey) && (evt.key === '/' || evt.code === 'Slash')) {
      openHelp();
      evt.preventDefault();
      return;
    }
    if (!evt.altKey || evt.ctrlKey || evt.metaKey) { return; }
    switch (evt.code) {
      case 'KeyJ': goToSibling(1); break;
      case 'KeyK': goToSibling(-1); break;
      case 'KeyE': { var resolve = $('#resolve-btn'); if (resolve) { resolve.click(); } break; }
      case 'KeyP': setMode(true); break;
      case 'KeyL': setMode(false); break;
      default: return;
    }
    evt.preventDefault();
  });

  // ---------------------------------------------------------------------------------------------- small things
  var langSelect = $('#lang-select');
  if (langSelect) {
    langSelect.addEventListener('change', function () { $('#lang-form').requestSubmit(); });
  }

  function drawCharts() {
    if (!window.Chart) { return; }
    $all('canvas[data-chart]').forEach(function (canvas) {
      var spec = JSON.parse(canvas.dataset.chart || '{}');
      if (!spec.type) { return; }
      var labels = (spec.labels || []).map(function (l) { return canvas.dataset['l' + l.charAt(0).toUpperCase() + l.slice(1)] || l; });
      new window.Chart(canvas, {
        type: spec.type,
        data: { labels: labels, datasets: [{ label: canvas.dataset.series || '', data: spec.values || [],
          backgroundColor: ['#0b6e4f', '#d97706', '#1565c0', '#7b1fa2', '#b3261e', '#4f5b69'] }] },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { legend: { display: spec.type !== 'bar' } } }
      });
      canvas.dataset.drawn = 'true';
    });
  }

  scrollToBottom();
  if (document.readyState === 'complete') { drawCharts(); } else { window.addEventListener('load', drawCharts); }
}());
