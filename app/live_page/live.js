// The learner's page of a live session. Served by the trainer's app on the local network; it loads
// nothing from anywhere else. Every text from the session (questions, names, answers) is put on the
// page with textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const base = location.pathname.replace(/[^/]*$/, "");  // /s/CODE/
  const tokenKey = "live-token:" + base;
  let socket = null;
  let token = sessionStorage.getItem(tokenKey);
  let question = null;
  let sentFor = -1;
  let ended = false;
  let retry = 500;
  let timerHandle = null;

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    return node;
  }

  function show(id) {
    for (const section of ["join", "waiting", "question", "reveal", "ended"]) $(section).hidden = section !== id;
  }

  function say(text) { $("status").textContent = text; }

  // for screen readers only: what the screen already shows in a heading, read out when it changes
  function announce(text) { $("announce").textContent = text; }

  function problem(text) {
    $("problem").textContent = text || "";
    $("problem").hidden = !text;
  }

  function send(data) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(data));
      return true;
    }
    problem("Not connected; trying again…");
    return false;
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + base + "ws");
    socket.addEventListener("open", () => {
      retry = 500;
      problem("");
      if (token) {
        send({ type: "hello", token: token });
      } else {
        say("Connected. Type your name to join.");
        show("join");
        $("name").focus();
      }
    });
    socket.addEventListener("message", (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      receive(message);
    });
    socket.addEventListener("close", (event) => {
      if (ended) return;
      // 1009: the server would not read a message that large (far over the size an answer can have)
      say(event.code === 1009 ? "That message was too large and the connection was closed; reconnecting…"
        : "Connection lost; reconnecting…");
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 8000);
    });
  }

  function receive(message) {
    if (message.type === "joined") {
      token = message.token;
      sessionStorage.setItem(tokenKey, token);
      $("me").textContent = "Joined as " + message.name;
      $("me").hidden = false;
    } else if (message.type === "state") {
      render(message);
    } else if (message.type === "received") {
      sentFor = message.position;
      lockAnswer("Answer received. Wait for the reveal.");
    } else if (message.type === "error") {
      if (message.status === 403 && token) {  // the session does not know this device (any more)
        token = null;
        sessionStorage.removeItem(tokenKey);
        show("join");
      }
      problem(message.message + " (" + message.status + ")");
      $("send").disabled = false;
    }
  }

  function render(state) {
    problem("");
    if (state.phase === "lobby") {
      show("waiting");
      say("Waiting for the first question.");
    } else if (state.phase === "asking") {
      if (!question || question.position !== state.question.position) drawQuestion(state.question);
      show("question");
      if (state.answered) {
        sentFor = state.question.position;
        lockAnswer("Answer received. Wait for the reveal.");
      }
    } else if (state.phase === "revealed") {
      drawReveal(state);
    }
    if (state.phase === "ended") {
      ended = true;
      drawEnd(state);
    }
  }

  // -- a question ---------------------------------------------------------------------------
  function drawQuestion(q) {
    question = q;
    const area = $("answer-area");
    area.replaceChildren();
    $("where").textContent = "Question " + (q.position + 1) + " of " + q.total + (q.topic ? " · " + q.topic : "");
    $("scenario").textContent = q.scenario ? "Scenario: " + q.scenario : "";
    $("scenario").hidden = !q.scenario;
    $("prompt").textContent = q.prompt;
    $("send").disabled = false;
    $("send").hidden = false;
    const builders = { choice: single, scenario: single, truefalse: single, multi: multi, numeric: typed,
                       text: typed, order: ordering, matching: grid, classify: grid };
    (builders[q.kind] || typed)(area, q);
    startTimer(q.seconds);
    say("");
    announce("Question " + (q.position + 1) + " of " + q.total + ".");
    $("prompt").focus();
  }

  function fieldset(legend) {
    const box = el("fieldset");
    box.appendChild(el("legend", legend));
    return box;
  }

  function single(area, q) {
    const box = fieldset(q.kind === "truefalse" ? "True or false?" : "Choose one");
    q.options.forEach((option, i) => {
      const id = "opt-" + i;
      const label = el("label", null, { for: id, class: "option" });
      label.appendChild(el("input", null, { type: "radio", name: "choice", id: id, value: String(i) }));
      label.appendChild(el("span", q.kind === "truefalse" ? (option === "true" ? "True" : "False") : option));
      box.appendChild(label);
    });
    area.appendChild(box);
  }

  function multi(area, q) {
    const box = fieldset("Select all that apply");
    q.options.forEach((option, i) => {
      const id = "opt-" + i;
      const label = el("label", null, { for: id, class: "option" });
      label.appendChild(el("input", null, { type: "checkbox", id: id, value: String(i) }));
      label.appendChild(el("span", option));
      box.appendChild(label);
    });
    area.appendChild(box);
  }

  function typed(area, q) {
    const p = el("p");
    const words = q.kind === "numeric" ? "Your answer" + (q.unit ? " in " + q.unit : " (a number)") : "Your answer";
    p.appendChild(el("label", words, { for: "typed" }));
    p.appendChild(el("input", null, { id: "typed", type: "text", maxlength: "200", autocomplete: "off",
                                      inputmode: q.kind === "numeric" ? "decimal" : "text" }));
    area.appendChild(p);
  }

  function ordering(area, q) {
    const box = fieldset("Put in order, first at the top");
    const list = el("ol", null, { id: "order-list" });
    q.options.forEach((item) => list.appendChild(orderItem(item)));
    box.appendChild(list);
    area.appendChild(box);
  }

  function orderItem(item) {
    const li = el("li");
    li.dataset.item = item;
    li.appendChild(el("span", item, { class: "item" }));
    const up = el("button", "↑", { type: "button", "aria-label": "Move up: " + item });
    const down = el("button", "↓", { type: "button", "aria-label": "Move down: " + item });
    up.addEventListener("click", () => move(li, -1, up));
    down.addEventListener("click", () => move(li, 1, down));
    li.appendChild(up);
    li.appendChild(down);
    return li;
  }

  function move(li, step, button) {
    const list = li.parentNode;
    if (step < 0 && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
    if (step > 0 && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
    const position = Array.prototype.indexOf.call(list.children, li) + 1;
    say(li.dataset.item + ": position " + position + " of " + list.children.length + ".");
    button.focus();
  }

  function grid(area, q) {
    const box = fieldset(q.kind === "matching" ? "Match each item (each option once)" : "Sort each statement");
    q.rows.forEach((row, i) => {
      const p = el("p", null, { class: "row" });
      p.appendChild(el("label", row, { for: "row-" + i }));
      const select = el("select", null, { id: "row-" + i });
      select.appendChild(el("option", "Choose…", { value: "" }));
      q.options.forEach((option, j) => select.appendChild(el("option", option, { value: String(j) })));
      p.appendChild(select);
      box.appendChild(p);
    });
    area.appendChild(box);
  }

  function response() {
    const q = question;
    if (["choice", "scenario", "truefalse"].includes(q.kind)) {
      const picked = document.querySelector("input[name=choice]:checked");
      return picked ? q.options[Number(picked.value)] : null;
    }
    if (q.kind === "multi") {
      return Array.from(document.querySelectorAll("#answer-area input[type=checkbox]:checked"))
        .map((box) => q.options[Number(box.value)]);
    }
    if (q.kind === "order") {
      return Array.from($("order-list").children).map((li) => li.dataset.item);
    }
    if (q.kind === "matching" || q.kind === "classify") {
      const given = {};
      q.rows.forEach((row, i) => {
        const value = $("row-" + i).value;
        given[row] = value === "" ? null : q.options[Number(value)];
      });
      return given;
    }
    const typedText = $("typed").value.trim();
    return typedText === "" ? null : typedText;
  }

  function lockAnswer(text) {
    $("send").disabled = true;
    for (const input of $("answer-area").querySelectorAll("input, select, button")) input.disabled = true;
    say(text);
  }

  function startTimer(seconds) {
    clearInterval(timerHandle);
    $("timer").hidden = !seconds;
    if (!seconds) return;
    const until = Date.now() + seconds * 1000;
    const tick = () => {
      const left = Math.max(0, Math.round((until - Date.now()) / 1000));
      $("timer").textContent = left > 0 ? left + " s left" : "Time is up";
      if (left === 0) { clearInterval(timerHandle); lockAnswer("Time is up."); }
    };
    tick();
    timerHandle = setInterval(tick, 1000);
  }

  // -- the reveal and the end -----------------------------------------------------------------
  function drawReveal(state) {
    clearInterval(timerHandle);
    const reveal = state.reveal;
    const verdict = state.verdict || {};
    $("verdict").textContent = verdict.answered ? verdict.verdict : "You did not answer this one";
    $("verdict").className = verdict.answered ? (verdict.score >= 1 ? "right" : verdict.score > 0 ? "partly" : "wrong")
      : "";
    $("your-feedback").textContent = [verdict.feedback, verdict.note].filter(Boolean).join(" ");
    $("your-feedback").hidden = !$("your-feedback").textContent;
    $("expected").textContent = reveal.expected;
    $("correction").textContent = reveal.correction ? "Correct version: " + reveal.correction : "";
    $("correction").hidden = !reveal.correction;
    $("explanation").textContent = reveal.explanation;
    const citations = $("citations");
    citations.replaceChildren();
    for (const citation of reveal.citations) {
      const quote = el("blockquote");
      quote.appendChild(el("p", "“" + citation.quote + "”"));
      quote.appendChild(el("p", "— " + citation.outlet, { class: "outlet" }));
      citations.appendChild(quote);
    }
    show("reveal");
    say("");
    announce((verdict.answered ? verdict.verdict : "No answer") + ". The answer: " + reveal.expected);
    $("verdict").focus();
  }

  function drawEnd(state) {
    clearInterval(timerHandle);
    const summary = state.summary || { right: 0, answered: 0, total: 0 };
    $("summary").textContent = "You got " + summary.right + " right out of " + summary.total + " questions (" +
      summary.answered + " answered).";
    const list = $("ranking");
    list.replaceChildren();
    if (state.ranking) {
      for (const row of state.ranking) {
        const item = el("li", row.name + ": " + row.right + " right");
        if (row.place) item.value = row.place;  // equal results share a place: 1, 1, 1, 4
        list.appendChild(item);
      }
    }
    list.hidden = !state.ranking;
    show("ended");
    say("The session has ended.");
    sessionStorage.removeItem(tokenKey);
    if (socket) socket.close();
  }

  // -- the forms --------------------------------------------------------------------------------
  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("name").value.trim();
    if (!name) { problem("Please type a name."); return; }
    if (send({ type: "join", name: name })) say("Joining…");
  });

  $("question").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!question || sentFor === question.position) return;
    const given = response();
    if (given === null || (Array.isArray(given) && given.length === 0 && question.kind === "multi")) {
      problem(question.kind === "multi" ? "Tick at least one option." : "Please answer first.");
      return;
    }
    problem("");
    if (send({ type: "answer", token: token, position: question.position, response: given })) {
      $("send").disabled = true;
      say("Sending…");
    }
  });

  $("session-line").textContent = "Live session " + decodeURIComponent(base.split("/")[2] || "");
  connect();
})();
