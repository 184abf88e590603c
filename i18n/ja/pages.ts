<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ui.briefing</name>
    <message>
        <source>Timeline to 2040</source>
        <extracomment>How much is built before the first paint: a little more than fills the first screen (a figure card counts 3, a chart 4, a paragraph, table row or list item 1; the bundled pack weighs 82). Time given to building the rest per turn of the event loop: the page stays responsive. The text column is at most this many average characters wide, centred: at 1920 px lines ran to about 250 characters, far past the 75–90 that read comfortably.</extracomment>
        <translation>2040年までのタイムライン</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Briefing</source>
        <extracomment>(pack_id, topic_id): the user asked to be quizzed on one section&apos;s topic. (pack_id, collection, record id): &quot;Edit…&quot; on a figure or glossary card (its context menu, or Ctrl+E) built pages kept for packs not on show (each a widget tree: a few, not every pack)</extracomment>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目次</translation>
    </message>
    <message>
        <source>Briefing text</source>
        <translation>ブリーフィング本文</translation>
    </message>
    <message>
        <source>{title}, read</source>
        <translation>{title}、読了</translation>
    </message>
    <message>
        <source>Read: {title}</source>
        <translation>読了: {title}</translation>
    </message>
    <message>
        <source>This briefing could not be shown ({error}). Choose another pack; your progress is kept.</source>
        <translation>このブリーフィングを表示できませんでした（{error}）。別のパックを選んでください。進捗は保持されています。</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>出典: {source}</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Section: {title}</source>
        <translation>セクション: {title}</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>読了</translation>
    </message>
    <message>
        <source>Mark “{title}” as read</source>
        <translation>「{title}」を読了にする</translation>
    </message>
    <message>
        <source>Quiz me on this</source>
        <translation>この内容でクイズ</translation>
    </message>
    <message>
        <source>Quiz me on {title}</source>
        <translation>「{title}」でクイズ</translation>
    </message>
    <message>
        <source>How these figures compare</source>
        <translation>これらの数値の比較</translation>
    </message>
    <message>
        <source>Table: {title}</source>
        <translation>表: {title}</translation>
    </message>
    <message>
        <source>Next checkpoint</source>
        <translation>次のチェックポイント</translation>
    </message>
    <message>
        <source>Date now past: the article had it ahead</source>
        <translation>日付は経過済み（記事の時点では予定）</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit this figure in its pack</source>
        <translation>この数値をパック内で編集します</translation>
    </message>
    <message>
        <source>Edit this term in its pack</source>
        <translation>この用語をパック内で編集します</translation>
    </message>
    <message>
        <source>All figures and quotes come from: {source}</source>
        <translation>すべての数値と引用の出典: {source}</translation>
    </message>
    <message>
        <source>… and {count} more figures from {outlet}</source>
        <translation>… ほか {outlet} の数値 {count} 件</translation>
    </message>
    <message>
        <source>Marking the section as read</source>
        <translation>セクションを読了にする</translation>
    </message>
    <message>
        <source>Marking the section as not read</source>
        <translation>セクションを未読に戻す</translation>
    </message>
</context>
<context>
    <name>ui.briefing.cards</name>
    <message>
        <source>Figure: {amount}, {label}, {outlet}</source>
        <translation>数値: {amount}、{label}、{outlet}</translation>
    </message>
    <message>
        <source>Reported by: {outlet}</source>
        <translation>報道: {outlet}</translation>
    </message>
    <message>
        <source>Year: {year}</source>
        <translation>年: {year}</translation>
    </message>
    <message>
        <source>Show quote</source>
        <translation>引用を表示</translation>
    </message>
    <message>
        <source>Show the quote for {label}</source>
        <translation>{label} の引用を表示</translation>
    </message>
    <message>
        <source>Hide quote</source>
        <translation>引用を隠す</translation>
    </message>
</context>
<context>
    <name>ui.briefing.chart</name>
    <message>
        <source>Chart: {title}</source>
        <translation>グラフ: {title}</translation>
    </message>
    <message>
        <source>Chart title</source>
        <translation>グラフのタイトル</translation>
    </message>
    <message>
        <source>Sources: {sources}.</source>
        <translation>出典: {sources}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No outlet named in the article for {count} of these figures.</source>
        <translation>うち{count}件は記事に媒体名の記載がありません。</translation>
    </message>
    <message>
        <source>Chart caption</source>
        <translation>グラフの説明</translation>
    </message>
    <message>
        <source>&amp;Log scale</source>
        <translation>対数目盛(&amp;L)</translation>
    </message>
    <message>
        <source>for amounts that differ by orders of magnitude</source>
        <translation>桁の大きく異なる数値向け</translation>
    </message>
    <message>
        <source>Chart note</source>
        <translation>グラフの注記</translation>
    </message>
    <message>
        <source>Showing the {shown} largest of {count} figures in this group.</source>
        <translation>このグループの {count} 件の数値のうち、大きい順に {shown} 件を表示しています。</translation>
    </message>
    <message>
        <source>Log scale: {count} figure with amount 0 has no bar (0 has no place on a log scale); turn the log scale off to see it beside the others.</source>
        <translation>対数目盛: 値が 0 の数値 {count} 件は棒が表示されません（対数目盛に 0 は表せません）。ほかと並べて見るには対数目盛をオフにしてください。</translation>
    </message>
    <message>
        <source>Log scale: {count} figures with amount 0 have no bar (0 has no place on a log scale); turn the log scale off to see it beside the others.</source>
        <translation>対数目盛: 値が 0 の数値 {count} 件は棒が表示されません（対数目盛に 0 は表せません）。ほかと並べて見るには対数目盛をオフにしてください。</translation>
    </message>
    <message>
        <source>This chart could not be drawn: {error}</source>
        <translation>このグラフを描画できませんでした: {error}</translation>
    </message>
    <message>
        <source>an amount is not a finite number</source>
        <extracomment>A caption longer than this many lines is cut with &quot;…&quot; (its whole text is in the tooltip and the chart&apos;s accessible description); a pack&apos;s labels are at most a few hundred characters. Head room after the largest bar, as a share of the axis (the old plot&apos;s 8 %).</extracomment>
        <translation>有限の数値ではない値があります</translation>
    </message>
    <message>
        <source>an amount is too large to chart</source>
        <translation>グラフにできないほど大きな値があります</translation>
    </message>
    <message>
        <source>(0: no bar on a log scale)</source>
        <translation>（0: 対数目盛では棒なし）</translation>
    </message>
    <message>
        <source>{axis} (log scale)</source>
        <translation>{axis}（対数目盛）</translation>
    </message>
    <message>
        <source>{axis}, bars start at 0</source>
        <translation>{axis}（棒は 0 から）</translation>
    </message>
</context>
<context>
    <name>ui.progress</name>
    <message>
        <source>Progress</source>
        <extracomment>(pack_id, question ids): practise these now.</extracomment>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Accuracy per day (last 30 days)</source>
        <translation>日ごとの正答率（過去30日）</translation>
    </message>
    <message>
        <source>% right</source>
        <translation>正答率（%）</translation>
    </message>
    <message>
        <source>Time spent per day (minutes)</source>
        <translation>日ごとの学習時間（分）</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Mastery by topic</source>
        <translation>トピック別の習熟度</translation>
    </message>
    <message>
        <source>Reviews due in the next 14 days</source>
        <translation>今後14日間の復習予定</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>復習数</translation>
    </message>
    <message>
        <source>Hardest questions</source>
        <translation>難しい問題</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正答率</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>回答回数</translation>
    </message>
    <message>
        <source>&amp;Practise these</source>
        <translation>これらを練習(&amp;P)</translation>
    </message>
    <message>
        <source>Practise the hardest questions</source>
        <translation>難しい問題を練習</translation>
    </message>
    <message>
        <source>Sections read</source>
        <translation>読んだセクション</translation>
    </message>
    <message>
        <source>Hardest questions (lowest share right)</source>
        <translation>難しい問題（正答率の低い順）</translation>
    </message>
    <message>
        <source>Progress dashboard</source>
        <translation>進捗ダッシュボード</translation>
    </message>
    <message>
        <source>{learner}: {answers}, {share} right, {time} in all · {due} today · {read}</source>
        <translation>{learner}: {answers}、正答率 {share}、学習時間 計 {time} · 今日の{due} · {read}</translation>
    </message>
    <message>
        <source>{count} answer</source>
        <translation>回答 {count} 件</translation>
    </message>
    <message>
        <source>{count} answers</source>
        <translation>回答 {count} 件</translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation>{minutes} 分</translation>
    </message>
    <message>
        <source>{count} review due</source>
        <translation>復習 {count} 件</translation>
    </message>
    <message>
        <source>{now} due now, {later} later</source>
        <translation>復習 今 {now} 件・このあと {later} 件</translation>
    </message>
    <message>
        <source>{count} reviews due</source>
        <translation>復習 {count} 件</translation>
    </message>
    <message>
        <source>{read} of {sections} section read</source>
        <translation>{sections} セクション中 {read} セクションを読了</translation>
    </message>
    <message>
        <source>{read} of {sections} sections read</source>
        <translation>{sections} セクション中 {read} セクションを読了</translation>
    </message>
    <message>
        <source>{day}: {right} of {answers} right ({share})</source>
        <translation>{day}: {answers} 問中 {right} 問正解（{share}）</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <source>{day}: {minutes} minutes, {answers} answers</source>
        <translation>{day}: {minutes} 分、回答 {answers} 件</translation>
    </message>
    <message>
        <source>Right on last try (of all its questions)</source>
        <translation>直近の回答で正解（全問中）</translation>
    </message>
    <message>
        <source>{topic}: {right} of {questions} questions right on their last try ({answered} answered)</source>
        <translation>{topic}: {questions} 問中 {right} 問が直近の回答で正解（回答済み {answered} 問）</translation>
    </message>
    <message>
        <source>No answers yet. Answer a few questions in the Quiz tab and they show here.</source>
        <translation>まだ回答がありません。クイズタブでいくつか問題に答えると、ここに表示されます。</translation>
    </message>
    <message>
        <source>Recall in a week (FSRS, of those studied)</source>
        <translation>1週間後の想起率（FSRS、学習済みの問題）</translation>
    </message>
    <message>
        <source>{topic}: expected recall in a week without review {share}</source>
        <translation>{topic}: 復習しなかった場合の1週間後の予測想起率 {share}</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>復習予定</translation>
    </message>
    <message>
        <source>{day}: {count} reviews due</source>
        <translation>{day}: 復習 {count} 件</translation>
    </message>
    <message>
        <source>✓ Read</source>
        <translation>✓ 読了</translation>
    </message>
    <message>
        <source>○ Not read yet</source>
        <translation>○ 未読</translation>
    </message>
</context>
<context>
    <name>ui.progress.charts</name>
    <message>
        <source>Nothing to show yet.</source>
        <extracomment>Bars and axes are painted once into a pixmap and reused: pyqtgraph replays each as a QPicture on every paint, most of the cost of showing the Progress tab again (or of a tooltip&apos;s repaint). How thick the mark of a 0 value is (``zero_marks``), in pixels.</extracomment>
        <translation>まだ表示するデータがありません。</translation>
    </message>
    <message>
        <source>Chart: {title}</source>
        <translation>グラフ: {title}</translation>
    </message>
    <message>
        <source>Loading chart…</source>
        <extracomment>Said over the chart when there is nothing to draw yet (a new learner: bare axes said nothing)</extracomment>
        <translation>グラフを読み込み中…</translation>
    </message>
</context>
<context>
    <name>ui.progress.learners</name>
    <message>
        <source>Me</source>
        <translation>自分</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学習者</translation>
    </message>
    <message>
        <source>&amp;Learner:</source>
        <translation>学習者(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>名前を変更(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <source>New learner</source>
        <translation>新しい学習者</translation>
    </message>
    <message>
        <source>Rename learner</source>
        <translation>学習者の名前を変更</translation>
    </message>
    <message>
        <source>Delete learner</source>
        <translation>学習者を削除</translation>
    </message>
    <message>
        <source>Switching learner</source>
        <translation>学習者の切り替え</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <source>Delete “{name}” and all of their answers and progress?

A backup is taken first, so this can be undone with File → Restore backup.</source>
        <translation>「{name}」と、その回答と進捗をすべて削除しますか？

先にバックアップを作成するため、「ファイル → バックアップを復元」で元に戻せます。</translation>
    </message>
    <message>
        <source>Deleting “{name}”</source>
        <translation>「{name}」の削除</translation>
    </message>
</context>
<context>
    <name>ui.quiz</name>
    <message>
        <source>Keys: 1–9 tick/untick · Enter submits, then continues</source>
        <extracomment>What the keys do, under each kind of question (None: the rest).</extracomment>
        <translation>キー: 1–9 でチェックの切り替え · Enter で回答、もう一度押すと次へ</translation>
    </message>
    <message>
        <source>Keys: 1–9 or ↑/↓ select · Alt+↑/↓ move · Enter submits, then continues</source>
        <translation>キー: 1–9 または ↑/↓ で選択 · Alt+↑/↓ で移動 · Enter で回答、もう一度押すと次へ</translation>
    </message>
    <message>
        <source>Keys: Tab or ↑/↓ next statement · 1–9 its column · Enter submits, then continues</source>
        <translation>キー: Tab または ↑/↓ で次の文 · 1–9 で列を選択 · Enter で回答、もう一度押すと次へ</translation>
    </message>
    <message>
        <source>Keys: Tab next row · 1–9 its match · Enter submits, then continues</source>
        <translation>キー: Tab で次の行 · 1–9 で対応を選択 · Enter で回答、もう一度押すと次へ</translation>
    </message>
    <message>
        <source>Type the number · Enter submits, then continues</source>
        <translation>数値を入力 · Enter で回答、もう一度押すと次へ</translation>
    </message>
    <message>
        <source>Type the answer · Enter submits, then continues</source>
        <translation>答えを入力 · Enter で回答、もう一度押すと次へ</translation>
    </message>
    <message>
        <source>Keys: 1–9 choose · Enter submits, then continues</source>
        <translation>キー: 1–9 で選択 · Enter で回答、もう一度押すと次へ</translation>
    </message>
    <message>
        <source>Practice</source>
        <extracomment>The engine&apos;s quiz titles (stored with the quiz, in English), translated where shown.</extracomment>
        <translation>練習</translation>
    </message>
    <message>
        <source>Review mistakes</source>
        <translation>間違えた問題の復習</translation>
    </message>
    <message>
        <source>Practice chosen questions</source>
        <translation>選んだ問題の練習</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>復習</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>試験</translation>
    </message>
    <message>
        <source>Exam {code}</source>
        <translation>試験 {code}</translation>
    </message>
    <message>
        <source>Quiz: {topic}</source>
        <translation>クイズ: {topic}</translation>
    </message>
    <message>
        <source>Quiz</source>
        <extracomment>The results list&apos;s item data holding a verdict&apos;s state (RIGHT, WRONG, PARTLY; None: not answered). (pack_id, section_id): &quot;Read this in the briefing&quot; after an answer whether &quot;Undo last answer&quot; can be done now (the menu action follows it) question id: &quot;Browse this question…&quot; from its feedback (the question browser opens on it) question id: &quot;Edit…&quot; from its feedback (the editor opens on it, or on the record it is made from)</extracomment>
        <translation>クイズ</translation>
    </message>
    <message>
        <source>Test yourself</source>
        <extracomment>the question on the question screen (answered or not) the session and default rating of the answer the learner may still rate</extracomment>
        <translation>力試し</translation>
    </message>
    <message>
        <source>Unfinished quiz</source>
        <translation>未完了のクイズ</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <source>One question at a time with feedback quoting the article. Questions that are due come first, then new ones.</source>
        <translation>記事を引用したフィードバック付きで 1 問ずつ出題します。復習期限の来た問題が先、次に新しい問題です。</translation>
    </message>
    <message>
        <source>Start &amp;practice</source>
        <translation>練習を開始(&amp;P)</translation>
    </message>
    <message>
        <source>Review &amp;mistakes</source>
        <translation>間違えた問題を復習(&amp;M)</translation>
    </message>
    <message>
        <source>One topic</source>
        <translation>トピック別</translation>
    </message>
    <message>
        <source>Quiz this &amp;topic</source>
        <translation>このトピックでクイズ(&amp;T)</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>問題数:</translation>
    </message>
    <message>
        <source>Number of exam questions</source>
        <translation>試験の問題数</translation>
    </message>
    <message>
        <source>Time limit (min, 0 = none):</source>
        <translation>制限時間（分、0 = なし）:</translation>
    </message>
    <message>
        <source>Time limit in minutes</source>
        <translation>制限時間（分）</translation>
    </message>
    <message>
        <source>New &amp;exam</source>
        <translation>新しい試験(&amp;E)</translation>
    </message>
    <message>
        <source>Exam code, e.g. 7KQ2MX</source>
        <translation>試験コード（例: 7KQ2MX）</translation>
    </message>
    <message>
        <source>Exam code</source>
        <translation>試験コード</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>参加(&amp;J)</translation>
    </message>
    <message>
        <source>1 question you suspended is left out of every quiz</source>
        <translation>保留にした 1 問はどのクイズにも出題されません</translation>
    </message>
    <message>
        <source>{count} questions you suspended are left out of every quiz</source>
        <translation>保留にした {count} 問はどのクイズにも出題されません</translation>
    </message>
    <message>
        <source>{counted} (View → Question browser).</source>
        <translation>{counted}（表示 → 問題ブラウザー）。</translation>
    </message>
    <message>
        <source>Briefing: {title}</source>
        <translation>ブリーフィング: {title}</translation>
    </message>
    <message>
        <source>{title}: {done} of {total} answered.</source>
        <translation>{title}: {total} 問中 {done} 問に回答済み。</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Progress through the quiz</source>
        <translation>クイズの進み具合</translation>
    </message>
    <message>
        <source>Question %v of %m</source>
        <translation>問題 %v / %m</translation>
    </message>
    <message>
        <source>Asked again · %v of %m answered</source>
        <translation>再出題 · %v / %m 問回答済み</translation>
    </message>
    <message>
        <source> · {count} to ask again</source>
        <translation> · あと {count} 問を再出題</translation>
    </message>
    <message>
        <source>Asked again</source>
        <translation>再出題</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>&amp;Stop and see results</source>
        <translation>中止して結果を見る(&amp;S)</translation>
    </message>
    <message>
        <source>Bro&amp;wse this question…</source>
        <translation>この問題をブラウザーで表示(&amp;W)…</translation>
    </message>
    <message>
        <source>Open it in the question browser: suspend, flag or edit it</source>
        <translation>問題ブラウザーで開きます（保留、フラグ付け、編集ができます）</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>編集(&amp;I)…</translation>
    </message>
    <message>
        <source>Fix this question in the pack (a generated one: the figure, term, fact or quote it is made from)</source>
        <translation>パック内のこの問題を修正します（自動生成された問題の場合は、元になった数値・用語・事実・引用を修正します）</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>{title} · {given} questions, all this pack can ask in one exam ({asked} asked for)</source>
        <translation>{title} · {given}問（このパックで1回の試験に出せる全問。指定は{asked}問）</translation>
    </message>
    <message>
        <source>↻ Asked again: you missed this one earlier in this quiz. It counts as practice; your score keeps your first answer.</source>
        <translation>↻ 再出題: このクイズで先ほど間違えた問題です。練習として扱われ、得点には最初の回答が残ります。</translation>
    </message>
    <message>
        <source>Choose or type an answer first.</source>
        <translation>先に答えを選ぶか入力してください。</translation>
    </message>
    <message>
        <source>Saving your answer</source>
        <translation>回答の保存</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>See results</source>
        <translation>結果を見る</translation>
    </message>
    <message>
        <source>Saving your rating</source>
        <translation>評価の保存</translation>
    </message>
    <message>
        <source>Time left {minutes}:{seconds}</source>
        <translation>残り時間 {minutes}:{seconds}</translation>
    </message>
    <message>
        <source>&amp;Keep going</source>
        <translation>続ける(&amp;K)</translation>
    </message>
    <message>
        <source>End the exam?</source>
        <translation>試験を終了しますか？</translation>
    </message>
    <message>
        <source>End the exam now?</source>
        <translation>今すぐ試験を終了しますか？</translation>
    </message>
    <message>
        <source>You have answered {done} of {total} questions. The other {left} will count as not answered, and you cannot come back to them.</source>
        <translation>{total} 問中 {done} 問に回答しました。残りの {left} 問は未回答として扱われ、後から戻って回答することはできません。</translation>
    </message>
    <message>
        <source>&amp;End exam</source>
        <translation>試験を終了(&amp;E)</translation>
    </message>
    <message>
        <source>Its time limit keeps running.</source>
        <translation>制限時間はその間も進みます。</translation>
    </message>
    <message>
        <source>Leave the exam?</source>
        <translation>試験を離れますか？</translation>
    </message>
    <message>
        <source>Leave the exam for another quiz?</source>
        <translation>試験を離れて別のクイズに移りますか？</translation>
    </message>
    <message>
        <source>You have answered {done} of {total} questions. The exam stays saved: Resume on the quiz menu brings you back to it.</source>
        <translation>{total} 問中 {done} 問に回答しました。試験は保存されたままなので、クイズメニューの「再開」で戻れます。</translation>
    </message>
    <message>
        <source>&amp;Leave exam</source>
        <translation>試験を離れる(&amp;L)</translation>
    </message>
    <message>
        <source>The quiz could not be ended</source>
        <translation>クイズを終了できませんでした</translation>
    </message>
    <message>
        <source>{error} The quiz stays unfinished: Resume continues it.</source>
        <translation>{error} クイズは未完了のままです。「再開」で続けられます。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得点</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>あなたの答え</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>Why, and the source</source>
        <translation>解説と出典</translation>
    </message>
    <message>
        <source>Per-question review</source>
        <translation>問題ごとの振り返り</translation>
    </message>
    <message>
        <source>Back to quiz &amp;menu</source>
        <translation>クイズメニューに戻る(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Undo last answer</source>
        <translation>最後の回答を取り消す(&amp;U)</translation>
    </message>
    <message>
        <source>Take the last answer back and answer that question again (Ctrl+Z)</source>
        <translation>最後の回答を取り消して、その問題にもう一度答えます（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Undo last answer</source>
        <translation>最後の回答を取り消す</translation>
    </message>
    <message>
        <source>{title}: results</source>
        <translation>{title}: 結果</translation>
    </message>
    <message>
        <source>Exam code {code}: share it so others get the same questions.</source>
        <translation>試験コード {code}: 共有すると、ほかの人も同じ問題で受験できます。</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未回答）</translation>
    </message>
    <message>
        <source>Starting the quiz</source>
        <translation>クイズの開始</translation>
    </message>
    <message>
        <source>Taking your answer back</source>
        <translation>回答の取り消し</translation>
    </message>
    <message>
        <source>↶ Your answer was taken back: it no longer counts anywhere. Answer again.</source>
        <translation>↶ 回答を取り消しました。この回答はどこにも記録されません。もう一度答えてください。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>No questions answered · {missing} not answered</source>
        <translation>回答なし · 未回答 {missing} 問</translation>
    </message>
    <message>
        <source>Score: {points} of {answered} ({share})</source>
        <translation>得点: {answered} 問中 {points}（{share}）</translation>
    </message>
    <message>
        <source>Score: {points} of {answered} answered ({share}) · {missing} not answered</source>
        <translation>得点: 回答した {answered} 問中 {points}（{share}）· 未回答 {missing} 問</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>right on retry</source>
        <translation>再挑戦で正解</translation>
    </message>
    <message>
        <source>partly right ({share})</source>
        <translation>一部正解（{share}）</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>不正解</translation>
    </message>
</context>
<context>
    <name>ui.quiz.answer_widgets</name>
    <message>
        <source>— choose —</source>
        <translation>— 選択 —</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Choice {number}: {text}</source>
        <translation>選択肢 {number}: {text}</translation>
    </message>
    <message>
        <source>your answer: right</source>
        <translation>あなたの答え: 正解</translation>
    </message>
    <message>
        <source>the right answer</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>your answer: not right</source>
        <translation>あなたの答え: 不正解</translation>
    </message>
    <message>
        <source>Tick every option that applies (digits tick and untick).</source>
        <translation>当てはまる選択肢をすべてチェックしてください（数字キーで切り替え）。</translation>
    </message>
    <message>
        <source>ticked: right, it applies</source>
        <translation>チェック済み: 正解、当てはまります</translation>
    </message>
    <message>
        <source>missed: this one applies too</source>
        <translation>見落とし: これも当てはまります</translation>
    </message>
    <message>
        <source>ticked, but it does not apply</source>
        <translation>チェックしましたが、当てはまりません</translation>
    </message>
    <message>
        <source>rightly left unticked</source>
        <translation>正しく未チェック</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>あなたの答え</translation>
    </message>
    <message>
        <source>Pick the match for each row (Tab: next row; digits pick). Each option fits one row.</source>
        <translation>各行に対応するものを選んでください（Tab: 次の行、数字キー: 選択）。各選択肢は 1 行にだけ当てはまります。</translation>
    </message>
    <message>
        <source>Match for {left}</source>
        <translation>{left} に対応するもの</translation>
    </message>
    <message>
        <source>Options used twice</source>
        <translation>重複して使った選択肢</translation>
    </message>
    <message>
        <source>(already used in another row)</source>
        <translation>（別の行で使用済み）</translation>
    </message>
    <message>
        <source>Used for more than one row: {options}. Each option fits one row only.</source>
        <translation>複数の行で使われています: {options}。各選択肢は 1 行にだけ当てはまります。</translation>
    </message>
    <message>
        <source>right: {answer}</source>
        <translation>正解: {answer}</translation>
    </message>
    <message>
        <source>not matched. The right match: {answer}</source>
        <translation>未回答。正しい対応: {answer}</translation>
    </message>
    <message>
        <source>“{given}” is right here, but you used it for another row too</source>
        <translation>「{given}」はここでは正解ですが、別の行でも使っています</translation>
    </message>
    <message>
        <source>you chose “{given}”. The right match: {answer}</source>
        <translation>「{given}」を選びました。正しい対応: {answer}</translation>
    </message>
    <message>
        <source>Statement: {statement}</source>
        <translation>文: {statement}</translation>
    </message>
    <message>
        <source>In: {category}</source>
        <translation>分類: {category}</translation>
    </message>
    <message>
        <source>Put each statement in its column (↑/↓ or Tab: next statement; digits pick).</source>
        <translation>各文を該当する列に分類してください（↑/↓ または Tab: 次の文、数字キー: 選択）。</translation>
    </message>
    <message>
        <source>not sorted. It belongs under {answer}</source>
        <translation>未分類。正しくは {answer}</translation>
    </message>
    <message>
        <source>you put it under {given}. It belongs under {answer}</source>
        <translation>{given} に分類しました。正しくは {answer}</translation>
    </message>
    <message>
        <source>Items to put in order</source>
        <translation>並べ替える項目</translation>
    </message>
    <message>
        <source>Select an item (digits or ↑/↓), then move it with Alt+↑/↓ or Ctrl+↑/↓.</source>
        <translation>項目を選び（数字キーまたは ↑/↓）、Alt+↑/↓ または Ctrl+↑/↓ で移動してください。</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上へ移動(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下へ移動(&amp;D)</translation>
    </message>
    <message>
        <source>Position {number}: {item}</source>
        <translation>{number} 番目: {item}</translation>
    </message>
    <message>
        <source>Selected: position {number}, {item}</source>
        <translation>選択中: {number} 番目、{item}</translation>
    </message>
    <message>
        <source>right place</source>
        <translation>正しい位置</translation>
    </message>
    <message>
        <source>belongs at position {number}</source>
        <translation>正しくは {number} 番目</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>How to answer</source>
        <translation>答え方</translation>
    </message>
    <message>
        <source>{scale}s of US dollars</source>
        <translation>{scale} 米ドル</translation>
    </message>
    <message>
        <source>Type a number (in {unit})</source>
        <translation>数値を入力（単位: {unit}）</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>数値を入力</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>答えを入力</translation>
    </message>
</context>
<context>
    <name>ui.quiz.feedback</name>
    <message>
        <source>Correct</source>
        <extracomment>The engine&apos;s verdicts and fixed notes (quiz.grade, in English), translated where shown.</extracomment>
        <translation>正解</translation>
    </message>
    <message>
        <source>Partly correct</source>
        <translation>一部正解</translation>
    </message>
    <message>
        <source>Not correct</source>
        <translation>不正解</translation>
    </message>
    <message>
        <source>Each option belongs to one row only: a repeated choice earns nothing.</source>
        <translation>各選択肢は 1 行にだけ当てはまります。重複した選択は得点になりません。</translation>
    </message>
    <message>
        <source>The right order: {answer}</source>
        <translation>正しい順序: {answer}</translation>
    </message>
    <message>
        <source>The ones that apply: {answer}</source>
        <translation>当てはまるもの: {answer}</translation>
    </message>
    <message>
        <source>The right answer is marked on each row above.</source>
        <translation>正解は上の各行に示しています。</translation>
    </message>
    <message>
        <source>The answer is: {answer}</source>
        <translation>正解: {answer}</translation>
    </message>
    <message>
        <source>Feedback</source>
        <extracomment>the learner asked to read the question&apos;s section in the briefing (section id)</extracomment>
        <translation>フィードバック</translation>
    </message>
    <message>
        <source>Verdict icon</source>
        <translation>判定アイコン</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>About your answer</source>
        <translation>あなたの答えについて</translation>
    </message>
    <message>
        <source>What the article says</source>
        <translation>記事の記述</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The article&apos;s table</source>
        <translation>記事の表</translation>
    </message>
    <message>
        <source>From the article</source>
        <translation>記事からの引用</translation>
    </message>
    <message>
        <source>&amp;Read this in the briefing</source>
        <translation>ブリーフィングで読む(&amp;R)</translation>
    </message>
    <message>
        <source>{verdict}.</source>
        <translation>{verdict}。</translation>
    </message>
    <message>
        <source>{verdict}: {right} of {count} right.</source>
        <translation>{verdict}: {count} 個中 {right} 個正解。</translation>
    </message>
    <message>
        <source>{verdict}: {found} of the {count} that apply ticked, and {wrong} that do not (each takes one back).</source>
        <translation>{verdict}: 当てはまる {count} 個中 {found} 個を選択、当てはまらない {wrong} 個も選択（1 個につき 1 個分を差し引き）。</translation>
    </message>
    <message>
        <source>{verdict}: {found} of the {count} that apply ticked.</source>
        <translation>{verdict}: 当てはまる {count} 個中 {found} 個を選択。</translation>
    </message>
    <message>
        <source>Feedback: {verdict}</source>
        <translation>フィードバック: {verdict}</translation>
    </message>
    <message>
        <source>Right: {cell}</source>
        <translation>正解: {cell}</translation>
    </message>
    <message>
        <source>you put it under {given}</source>
        <translation>{given} に分類</translation>
    </message>
    <message>
        <source>you chose {given}</source>
        <translation>{given} を選択</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Wrong: {cell} ({placed})</source>
        <translation>不正解: {cell}（{placed}）</translation>
    </message>
    <message>
        <source>The article&apos;s table: {title}</source>
        <translation>記事の表: {title}</translation>
    </message>
    <message>
        <source>{wrong_mark} marks the {count} cell you got wrong, {right_mark} the ones you got right.</source>
        <translation>{wrong_mark} は間違えたセル（{count} 個）、{right_mark} は正解したセルです。</translation>
    </message>
    <message>
        <source>{wrong_mark} marks the {count} cells you got wrong, {right_mark} the ones you got right.</source>
        <translation>{wrong_mark} は間違えたセル（{count} 個）、{right_mark} は正解したセルです。</translation>
    </message>
    <message>
        <source>{right_mark} marks every cell you placed: all right.</source>
        <translation>{right_mark} は配置したすべてのセルです。すべて正解です。</translation>
    </message>
</context>
<context>
    <name>ui.quiz.rating</name>
    <message>
        <source>Again</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>難しい</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>簡単</translation>
    </message>
    <message>
        <source>How well did you recall it?</source>
        <translation>どのくらい思い出せましたか？</translation>
    </message>
    <message>
        <source>How well did you know it?</source>
        <translation>どのくらい覚えていましたか？</translation>
    </message>
    <message>
        <source>Rate recall: {name} (key {key})</source>
        <translation>想起の評価: {name}（キー {key}）</translation>
    </message>
    <message>
        <source>{rating} (the default) · keys 1–4 · Enter continues</source>
        <translation>{rating}（既定）· キー 1–4 · Enter で次へ</translation>
    </message>
    <message>
        <source>{rating} · keys 1–4 · Enter continues</source>
        <translation>{rating} · キー 1–4 · Enter で次へ</translation>
    </message>
</context>
</TS>
