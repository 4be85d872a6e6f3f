/* global document, window */
// The demo add-in (PROTOCOL.md §6): it learns the room from `pchat:context`, and follows every
// `$TICKER` mentioned in `pchat:message` events, with made-up prices. It only reads what it is
// sent and renders it as text; it asks the host for nothing.
(function () {
  'use strict';
  var followed = new Map();
  var body = document.getElementById('tickers');
  var context = document.getElementById('context');

  function priceOf(symbol) {
    var seed = 0;
    for (var i = 0; i < symbol.length; i++) seed = (seed * 31 + symbol.charCodeAt(i)) % 100000;
    var drift = Math.sin(Date.now() / 60000 + seed) * 3;
    return Math.max(1, (seed % 400) + 20 + drift);
  }

  function render() {
    body.textContent = '';
    followed.forEach(function (entry, symbol) {
      var row = document.createElement('tr');
      var price = priceOf(symbol);
      var cells = [symbol, price.toFixed(2), entry.by];
      cells.forEach(function (text, index) {
        var cell = document.createElement('td');
        cell.textContent = text;
        if (index === 1) cell.className = 'price ' + (price >= entry.first ? 'up' : 'down');
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'pchat:context' && data.room && typeof data.room.name === 'string') {
      context.textContent = 'Room: ' + data.room.name;
    } else if (data.type === 'pchat:message' && data.message && typeof data.message.text === 'string') {
      var matches = data.message.text.match(/\$[A-Z]{1,6}\b/g) || [];
      matches.forEach(function (symbol) {
        var known = followed.get(symbol);
        followed.set(symbol, { by: String(data.message.senderName || ''), first: known ? known.first : priceOf(symbol) });
      });
      if (matches.length > 0) render();
    }
  });
  setInterval(render, 5000);
})();
