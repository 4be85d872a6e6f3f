/* global window, document */
// The demo add-in of docs/addins.md: it shows a card for every "$ABC" ticker posted in the room,
// with a made-up price (no network). It trusts only messages from its parent window, on the
// parent's origin, and renders everything as text.
(function () {
  'use strict';

  var TICKER = /\$([A-Z]{1,5})(?![A-Za-z])/g;
  var cards = document.getElementById('cards');
  var status = document.getElementById('status');
  var shown = new Map();
  // The app's origin. Browsers that expose location.ancestorOrigins (Chromium, Electron) tell
  // us directly; elsewhere the first context from our parent window pins it.
  var parentOrigin = expectedParentOrigin();

  function expectedParentOrigin() {
    var ancestors = window.location.ancestorOrigins;
    if (ancestors && ancestors.length > 0 && ancestors[0] !== 'null') return ancestors[0];
    return null;
  }

  // The same symbol always gets the same price: a small string hash, no clock, no network.
  function priceOf(symbol) {
    var hash = 7;
    for (var i = 0; i < symbol.length; i += 1) hash = (hash * 31 + symbol.charCodeAt(i)) % 1000003;
    return { value: 10 + (hash % 49000) / 100, change: ((hash % 801) - 400) / 100 };
  }

  function showTicker(symbol, senderName) {
    var existing = shown.get(symbol);
    if (existing) {
      existing.by.textContent = 'Last mentioned by ' + senderName;
      cards.insertBefore(existing.card, cards.firstChild);
      return;
    }
    var price = priceOf(symbol);
    var card = document.createElement('li');
    card.className = 'card';
    card.setAttribute('aria-label', '$' + symbol);
    var title = document.createElement('p');
    title.className = 'symbol';
    title.textContent = '$' + symbol;
    var value = document.createElement('p');
    value.className = 'price ' + (price.change >= 0 ? 'up' : 'down');
    value.textContent = price.value.toFixed(2) + ' (' + (price.change >= 0 ? '+' : '') + price.change.toFixed(2) + '%)';
    var by = document.createElement('p');
    by.className = 'by';
    by.textContent = 'Mentioned by ' + senderName;
    card.appendChild(title);
    card.appendChild(value);
    card.appendChild(by);
    cards.insertBefore(card, cards.firstChild);
    shown.set(symbol, { card: card, by: by });
  }

  function onContext(data) {
    if (!data.room || typeof data.room.name !== 'string') return;
    status.textContent = 'Following tickers posted in ' + data.room.name;
  }

  function onMessage(data) {
    var message = data.message;
    if (!message || typeof message.text !== 'string') return;
    var sender = typeof message.senderName === 'string' ? message.senderName : '';
    var match;
    TICKER.lastIndex = 0;
    while ((match = TICKER.exec(message.text)) !== null) showTicker(match[1], sender);
  }

  window.addEventListener('message', function (event) {
    // Only our parent (the pchat pane) may talk to us, and only from the app's origin.
    if (window.parent === window || event.source !== window.parent) return;
    if (parentOrigin === null) {
      if (!event.data || event.data.type !== 'pchat:context') return;
      parentOrigin = event.origin;
    }
    if (event.origin !== parentOrigin) return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'pchat:context') onContext(data);
    else if (data.type === 'pchat:message') onMessage(data);
  });

  // Asks for the context in case it was sent before this listener existed (harmless to the app).
  if (window.parent !== window) window.parent.postMessage({ type: 'pchat:ready' }, parentOrigin || '*');
})();
