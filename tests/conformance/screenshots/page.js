// Runs inside the Chromium page render.mjs opens: draws one card into #frame at a given width and checks its layout.
// Teams cards go through Microsoft's adaptivecards SDK (loaded before this file) with a Teams-like host config; Slack
// payloads through window.revbotBlockKit (blockkit.js), a static approximation of Slack's layout.
(function () {
  const AC = window.AdaptiveCards;
  // Teams' light theme, roughly: Segoe UI at 14 px (Liberation Sans has close metrics where Segoe is not installed).
  const hostConfig = new AC.HostConfig({
    fontFamily: "'Segoe UI', 'Liberation Sans', Arial, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E1DFDD' },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    imageSizes: { small: 32, medium: 52, large: 100 },
    actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 16 }, actionsOrientation: 'horizontal', actionAlignment: 'stretch' },
    containerStyles: {
      default: { backgroundColor: '#FFFFFF', foregroundColors: {
        default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#237B4B', subtle: '#237B4B' }, warning: { default: '#835C00', subtle: '#835C00' },
        attention: { default: '#C4314B', subtle: '#C4314B' }, dark: { default: '#242424', subtle: '#616161' }, light: { default: '#FFFFFF', subtle: '#FFFFFF' } } },
      emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
      good: { backgroundColor: '#E7F2DA' }, attention: { backgroundColor: '#FCF4F6' }, warning: { backgroundColor: '#FBF6D9' }, accent: { backgroundColor: '#E8EBFA' },
    },
  });

  // Teams renders a small Markdown subset: bold, italic, links, bullet and numbered lists, line breaks.
  const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    // A backslash escapes the next character ("1\." is a number, not a list): set those aside before the rest.
    const escaped = [];
    let html = escapeHtml(text)
      .replace(/\\([\\`*_{}\[\]()#+\-.!~>|])/g, (_, c) => { escaped.push(c); return `\u0001${escaped.length - 1}\u0001`; })
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
    html = html.split(/\r?\n/).map((line) => line.replace(/^[-*] /, '• ')).join('<br>').replace(/\u0001(\d+)\u0001/g, (_, i) => escaped[Number(i)]);
    result.outputHtml = html;
    result.didProcess = true;
  };

  // Every word ("$584,000" is one; "Q3 2026" is two) that lies on more than one
  // line box: the browser broke it inside, as Teams does to a long word in a narrow column ("Accou/nt").
  function splitTokens(root) {
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue;
      const parent = node.parentElement;
      if (!parent || parent.closest('[data-no-split-check]') || getComputedStyle(parent).display === 'none') continue;
      // A token: text between spaces, cut once more after a hyphen or dash between letters ("Kirlin-Halvorson" may wrap
      // after its hyphen, as any text does; "$584,000" and "2026-11-27" may not wrap at all). Rules and separators
      // (no letter or digit) are not words.
      for (const match of text.matchAll(/(?:[^\s\-‐–—]|[\-‐–—](?!\p{L})|(?<!\p{L})[\-‐–—])+[\-‐–—]?/gu)) {
        if (match[0].length < 2 || !/[\p{L}\p{N}]/u.test(match[0])) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => Math.round(r.top));
        if (new Set(tops.map((t) => Math.round(t / 3))).size > 1) found.push(match[0]);
      }
    }
    return [...new Set(found)];
  }

  // Content wider than its box: the card, or a column, table cell or container that cannot fit what it holds. Text
  // that is cut with an ellipsis on purpose (wrap: false) hides its own overflow and is not counted.
  function overflow(root, frame) {
    const found = [];
    const describe = (el) => (el.className && typeof el.className === 'string' ? el.className.split(' ')[0] : el.tagName.toLowerCase())
      + (el.textContent ? ` "${el.textContent.trim().slice(0, 40)}"` : '');
    if (frame.scrollWidth > frame.clientWidth + 1) found.push(`card is ${frame.scrollWidth}px wide in ${frame.clientWidth}px`);
    for (const el of root.querySelectorAll('.ac-column, .ac-columnSet, .ac-container, .ac-table, .ac-tableCell, .ac-actionSet, .bk-block, .bk-field, .bk-actions')) {
      if (getComputedStyle(el).display === 'none') continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)} is ${el.scrollWidth}px wide in ${el.clientWidth}px`);
    }
    // A code block is drawn line for line: one that wraps no longer reads as the table it holds.
    for (const pre of root.querySelectorAll('pre')) {
      const probe = pre.cloneNode(true);
      probe.style.whiteSpace = 'pre';
      probe.style.position = 'absolute';
      probe.style.visibility = 'hidden';
      probe.style.width = `${pre.clientWidth}px`;
      pre.parentElement.appendChild(probe);
      if (probe.scrollWidth > probe.clientWidth + 1) found.push(`code block wraps: it needs ${probe.scrollWidth}px in ${probe.clientWidth}px`);
      probe.remove();
    }
    return [...new Set(found)];
  }

  function missingAlt(root, card, platform) {
    const found = [];
    for (const img of root.querySelectorAll('img')) {
      if (!(img.getAttribute('alt') ?? '').trim()) found.push(img.getAttribute('src')?.slice(0, 80) ?? 'img');
    }
    // The payload too: an image the renderer hides (or an approximation draws differently) still needs its alt text.
    const walk = (node) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const isImage = platform === 'teams' ? node.type === 'Image' : node.type === 'image';
      const alt = platform === 'teams' ? node.altText : node.alt_text;
      if (isImage && !(alt ?? '').trim()) found.push(`${node.type} ${node.url ?? node.image_url ?? ''}`.slice(0, 80));
      Object.values(node).forEach(walk);
    };
    walk(card);
    return [...new Set(found)];
  }

  window.revbotRender = function (platform, json, width) {
    document.body.innerHTML = '';
    document.body.style.cssText = 'margin:0;background:#F5F5F5;';
    const frame = document.createElement('div');
    frame.id = 'frame';
    frame.style.cssText = `box-sizing:border-box;width:${width}px;overflow:hidden;background:#FFFFFF;`;
    document.body.appendChild(frame);
    try {
      let rendered;
      if (platform === 'teams') {
        const card = new AC.AdaptiveCard();
        card.hostConfig = hostConfig;
        card.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
        rendered = card.render();
        if (!rendered) throw new Error('the SDK did not render the card');
        rendered.style.width = '100%';
      } else {
        rendered = window.revbotBlockKit(json);
      }
      frame.appendChild(rendered);
      return { splitTokens: splitTokens(frame), overflow: overflow(frame, frame), missingAlt: missingAlt(frame, json, platform) };
    } catch (error) {
      return { error: String(error && error.stack || error), splitTokens: [], overflow: [], missingAlt: [] };
    }
  };
})();
