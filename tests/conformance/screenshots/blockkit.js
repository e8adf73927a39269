// A static approximation of how Slack draws Block Kit, for screenshots and layout checks only: Slack publishes no
// renderer, so this follows its look (Lato-like sans at 15 px, fields in two columns, buttons that wrap, code blocks
// that wrap on a narrow screen) closely enough to show a split amount or a table that no longer reads as one.
// window.revbotBlockKit(payload) returns an element for a message ({ text, blocks }) or a view ({ type, title, blocks }).
(function () {
  const el = (tag, css, cls) => { const e = document.createElement(tag); if (css) e.style.cssText = css; if (cls) e.className = cls; return e; };
  const escapeHtml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  // Slack's mrkdwn arrives with &, < and > already escaped; what is left between < and > is a link or a mention.
  function mrkdwn(text) {
    const blocks = [];
    let html = String(text).replace(/```([\s\S]*?)```/g, (_, code) => {
      blocks.push(`<pre style="margin:4px 0;padding:8px;border:1px solid #DDDDDD;border-radius:4px;background:#F8F8F8;font:12px/1.5 'Liberation Mono',monospace;white-space:pre-wrap;overflow-wrap:break-word;">${code.replace(/^\n/, '')}</pre>`);
      return `\u0000${blocks.length - 1}\u0000`;
    });
    html = html
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '<a href="$1" style="color:#1264A3;text-decoration:none;">$2</a>')
      .replace(/<(https?:[^>]+)>/g, '<a href="$1" style="color:#1264A3;text-decoration:none;">$1</a>')
      .replace(/<@([A-Z0-9]+)>/g, '<span style="color:#1264A3;background:#E8F5FA;">@$1</span>')
      .replace(/<!(\w+)[^>]*>/g, '<span style="color:#1264A3;background:#E8F5FA;">@$1</span>')
      .replace(/`([^`]+)`/g, '<code style="font:12px \'Liberation Mono\',monospace;color:#E01E5A;background:#F8F8F8;border:1px solid #DDDDDD;border-radius:3px;padding:0 2px;">$1</code>')
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/gm, '$1<b>$2</b>')
      .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:;!?]|$)/gm, '$1<i>$2</i>')
      .replace(/(^|[\s(])~([^~\n]+)~(?=[\s).,:;!?]|$)/gm, '$1<s>$2</s>')
      .replace(/^&gt; ?(.*)$/gm, '<span style="display:block;border-left:4px solid #DDDDDD;padding-left:8px;">$1</span>')
      .replace(/\n/g, '<br>');
    return html.replace(/\u0000(\d+)\u0000/g, (_, i) => blocks[Number(i)]);
  }

  const textHtml = (t) => (!t ? '' : t.type === 'mrkdwn' ? mrkdwn(t.text) : escapeHtml(t.text).replace(/\n/g, '<br>'));

  function button(b) {
    const colours = b.style === 'primary' ? 'background:#007A5A;color:#FFFFFF;border-color:#007A5A;'
      : b.style === 'danger' ? 'background:#FFFFFF;color:#E01E5A;border-color:#E01E5A;' : 'background:#FFFFFF;color:#1D1C1D;border-color:#BBBBBB;';
    const e = el('span', `display:inline-block;box-sizing:border-box;max-width:100%;padding:3px 12px;border:1px solid;border-radius:4px;font-weight:700;font-size:13px;line-height:20px;${colours}`);
    e.innerHTML = textHtml(b.text);
    return e;
  }

  function control(element, text) {
    const e = el('span', 'display:inline-block;box-sizing:border-box;max-width:100%;min-width:120px;padding:3px 8px;border:1px solid #BBBBBB;border-radius:4px;font-size:13px;line-height:20px;color:#1D1C1D;');
    e.innerHTML = escapeHtml(text) + (element.type.includes('select') || element.type === 'datepicker' ? ' <span style="color:#616061;">▾</span>' : '');
    return e;
  }

  function element(e) {
    switch (e.type) {
      case 'button': return button(e);
      case 'image': { const i = el('img', 'width:20px;height:20px;border-radius:3px;vertical-align:middle;'); i.src = e.image_url; if (e.alt_text != null) i.alt = e.alt_text; return i; }
      case 'static_select': case 'external_select': case 'users_select': case 'conversations_select': case 'channels_select':
        return control(e, e.initial_option ? e.initial_option.text.text : e.placeholder ? e.placeholder.text : 'Select an item');
      case 'overflow': return control(e, '⋯');
      case 'datepicker': return control(e, e.initial_date ?? (e.placeholder ? e.placeholder.text : 'Select a date'));
      case 'plain_text_input': case 'number_input': case 'email_text_input': case 'url_text_input': {
        const c = control(e, e.initial_value ?? (e.placeholder ? e.placeholder.text : ''));
        c.style.display = 'block';
        c.style.minHeight = e.multiline ? '64px' : '28px';
        return c;
      }
      case 'plain_text': case 'mrkdwn': { const s = el('span'); s.innerHTML = textHtml(e); return s; }
      default: { const s = el('span', 'color:#616061;'); s.textContent = `[${e.type}]`; return s; }
    }
  }

  function richText(elements) {
    const box = el('div');
    for (const part of elements ?? []) {
      if (part.type === 'rich_text_list') {
        const list = el(part.style === 'ordered' ? 'ol' : 'ul', 'margin:0;padding-left:24px;');
        for (const item of part.elements ?? []) { const li = el('li'); li.appendChild(richText([item])); list.appendChild(li); }
        box.appendChild(list);
        continue;
      }
      const line = el(part.type === 'rich_text_preformatted' ? 'pre' : 'div', part.type === 'rich_text_preformatted'
        ? "margin:4px 0;padding:8px;border:1px solid #DDDDDD;border-radius:4px;background:#F8F8F8;font:12px/1.5 'Liberation Mono',monospace;white-space:pre-wrap;overflow-wrap:break-word;"
        : part.type === 'rich_text_quote' ? 'border-left:4px solid #DDDDDD;padding-left:8px;white-space:pre-wrap;' : 'white-space:pre-wrap;');
      for (const run of part.elements ?? []) {
        const s = el(run.type === 'link' ? 'a' : 'span', run.type === 'link' ? 'color:#1264A3;' : '');
        s.textContent = run.text ?? (run.type === 'user' ? `@${run.user_id}` : run.type === 'emoji' ? `:${run.name}:` : run.url ?? '');
        if (run.style?.bold) s.style.fontWeight = '700';
        if (run.style?.italic) s.style.fontStyle = 'italic';
        line.appendChild(s);
      }
      box.appendChild(line);
    }
    return box;
  }

  function block(b) {
    const box = el('div', 'margin:4px 0;min-width:0;', 'bk-block');
    switch (b.type) {
      case 'header': box.style.cssText += 'font-size:18px;font-weight:900;line-height:1.33;'; box.innerHTML = textHtml(b.text); break;
      case 'divider': box.appendChild(el('hr', 'border:none;border-top:1px solid #DDDDDD;margin:8px 0;')); break;
      case 'section': {
        box.style.cssText += 'display:flex;gap:12px;align-items:flex-start;';
        const body = el('div', 'flex:1 1 auto;min-width:0;');
        if (b.text) { const t = el('div'); t.innerHTML = textHtml(b.text); body.appendChild(t); }
        if (b.fields?.length) {
          const grid = el('div', 'display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:8px 16px;margin-top:4px;');
          for (const f of b.fields) { const c = el('div', 'min-width:0;', 'bk-field'); c.innerHTML = textHtml(f); grid.appendChild(c); }
          body.appendChild(grid);
        }
        box.appendChild(body);
        if (b.accessory) {
          const side = el('div', 'flex:0 0 auto;max-width:50%;');
          const a = element(b.accessory);
          if (b.accessory.type === 'image') { a.style.width = '88px'; a.style.height = '88px'; a.style.objectFit = 'cover'; }
          side.appendChild(a);
          box.appendChild(side);
        }
        break;
      }
      case 'context': {
        box.style.cssText += 'display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;font-size:12px;line-height:1.5;color:#616061;';
        for (const e of b.elements ?? []) box.appendChild(element(e));
        break;
      }
      case 'actions': {
        box.className += ' bk-actions';
        box.style.cssText += 'display:flex;flex-wrap:wrap;gap:8px;margin:8px 0;';
        for (const e of b.elements ?? []) box.appendChild(element(e));
        break;
      }
      case 'image': {
        if (b.title) { const t = el('div', 'font-size:13px;color:#616061;margin-bottom:4px;'); t.innerHTML = textHtml(b.title); box.appendChild(t); }
        const i = el('img', 'display:block;max-width:100%;max-height:360px;border-radius:6px;border:1px solid #DDDDDD;');
        i.src = b.image_url;
        if (b.alt_text != null) i.alt = b.alt_text;
        box.appendChild(i);
        break;
      }
      case 'input': {
        const label = el('div', 'font-weight:700;margin-bottom:4px;');
        label.innerHTML = textHtml(b.label) + (b.optional ? ' <span style="font-weight:400;color:#616061;">(optional)</span>' : '');
        box.appendChild(label);
        box.appendChild(element(b.element));
        if (b.hint) { const h = el('div', 'font-size:12px;color:#616061;margin-top:4px;'); h.innerHTML = textHtml(b.hint); box.appendChild(h); }
        box.style.marginBottom = '12px';
        break;
      }
      case 'rich_text': box.appendChild(richText(b.elements)); break;
      case 'markdown': box.innerHTML = mrkdwn(escapeHtml(b.text)); break;
      case 'table': {
        const table = el('table', 'border-collapse:collapse;width:100%;font-size:13px;', 'bk-table');
        for (const row of b.rows ?? []) {
          const tr = el('tr');
          for (const cell of row) { const td = el('td', 'border:1px solid #DDDDDD;padding:4px 6px;vertical-align:top;'); td.textContent = cell.text ?? ''; tr.appendChild(td); }
          table.appendChild(tr);
        }
        box.appendChild(table);
        break;
      }
      default: box.style.color = '#616061'; box.textContent = `[unsupported block: ${b.type}]`;
    }
    return box;
  }

  window.revbotBlockKit = function (payload) {
    const root = el('div', "box-sizing:border-box;width:100%;padding:12px 16px;font:15px/1.46668 'Lato','Liberation Sans',Arial,sans-serif;color:#1D1C1D;overflow-wrap:break-word;");
    const isView = payload.type === 'modal' || payload.type === 'home';
    if (isView && payload.title) {
      const title = el('div', 'font-size:18px;font-weight:900;padding-bottom:8px;margin-bottom:8px;border-bottom:1px solid #DDDDDD;');
      title.innerHTML = textHtml(payload.title);
      root.appendChild(title);
    } else if (!isView) {
      const who = el('div', 'font-weight:900;margin-bottom:2px;');
      who.innerHTML = 'RevBot <span style="font-size:10px;font-weight:700;color:#616061;background:#EEEEEE;border-radius:2px;padding:1px 3px;">APP</span>';
      who.setAttribute('data-no-split-check', '');
      root.appendChild(who);
    }
    const blocks = payload.blocks ?? [];
    if (!blocks.length && payload.text) { const t = el('div', '', 'bk-block'); t.innerHTML = mrkdwn(payload.text); root.appendChild(t); }
    for (const b of blocks) root.appendChild(block(b));
    if (payload.type === 'modal' && (payload.submit || payload.close)) {
      const bar = el('div', 'display:flex;justify-content:flex-end;gap:8px;margin-top:12px;padding-top:12px;border-top:1px solid #DDDDDD;', 'bk-actions');
      if (payload.close) bar.appendChild(button({ text: payload.close }));
      if (payload.submit) bar.appendChild(button({ text: payload.submit, style: 'primary' }));
      root.appendChild(bar);
    }
    return root;
  };
})();
