<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>ui.browser</name>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>出所</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>正答率</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>前回の解答</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>マーク</translation>
    </message>
    <message>
        <source>choice</source>
        <extracomment>The kinds&apos; names as the table and the Kind filter show them (the ids are the pack format&apos;s words).</extracomment>
        <translation>択一</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>truefalse</source>
        <translation>正誤</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>text</source>
        <translation>記述式</translation>
    </message>
    <message>
        <source>matching</source>
        <translation>組み合わせ</translation>
    </message>
    <message>
        <source>multi</source>
        <translation>複数選択</translation>
    </message>
    <message>
        <source>order</source>
        <translation>並べ替え</translation>
    </message>
    <message>
        <source>classify</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>authored</source>
        <extracomment>Where a question comes from, as the table and the Origin filter show it.</extracomment>
        <translation>作成</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>自動生成</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>フラグ付き</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未解答</translation>
    </message>
    <message>
        <source>{percent} ({correct} of {attempts})</source>
        <translation>{percent}（{attempts} 回中 {correct} 回正解）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Question id</source>
        <translation>問題 ID</translation>
    </message>
    <message>
        <source>Scenario text</source>
        <translation>シナリオの本文</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>No question chosen</source>
        <translation>問題が選択されていません</translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation>解答: {answer}</translation>
    </message>
    <message>
        <source>Question browser</source>
        <extracomment>(pack id, collection, record id): &quot;Edit…&quot; on a question (itself if authored, else what it is made from)</extracomment>
        <translation>問題ブラウザー</translation>
    </message>
    <message>
        <source>Search questions (every word, anywhere: prompt, options, key, facts, id)</source>
        <translation>問題を検索（すべての語を、問題文・選択肢・正解・事実・ID から探します）</translation>
    </message>
    <message>
        <source>Search questions</source>
        <translation>問題を検索</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事実</translation>
    </message>
    <message>
        <source>Authored</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>自動生成</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>フラグ付き</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Not suspended</source>
        <translation>保留していない</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>トピック(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>F&amp;act:</source>
        <translation>事実(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>出所(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Marks:</source>
        <translation>マーク(&amp;M):</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Questions shown</source>
        <translation>表示中の問題</translation>
    </message>
    <message>
        <source>S&amp;uspend</source>
        <translation>保留(&amp;U)</translation>
    </message>
    <message>
        <source>Never ask, present or export this question for you (again: unsuspend)</source>
        <translation>この問題を出題・プレゼン・エクスポートしません（元に戻すには保留を解除）</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>フラグ(&amp;F)</translation>
    </message>
    <message>
        <source>Mark this question to look at again (the Marks filter finds it)</source>
        <translation>あとで見直すためにこの問題に印を付けます（「マーク」で絞り込めます）</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit this question in the pack (a generated one: the figure, term, fact or quote it is made from)</source>
        <translation>パック内のこの問題を編集します（自動生成された問題の場合は、元になった数値・用語・事実・引用を編集します）</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>{shown} of {total} questions shown · {suspended} suspended (left out of quizzes, presenter mode and exports) · {flagged} flagged</source>
        <translation>{total} 問中 {shown} 問を表示 · 保留 {suspended} 問（クイズ・プレゼンターモード・エクスポートから除外） · フラグ付き {flagged} 問</translation>
    </message>
    <message>
        <source>Uns&amp;uspend</source>
        <translation>保留を解除(&amp;U)</translation>
    </message>
    <message>
        <source>Un&amp;flag</source>
        <translation>フラグを外す(&amp;F)</translation>
    </message>
    <message>
        <source>Unsuspending the question</source>
        <translation>問題の保留の解除</translation>
    </message>
    <message>
        <source>Suspending the question</source>
        <translation>問題の保留</translation>
    </message>
    <message>
        <source>Unflagging the question</source>
        <translation>問題のフラグの解除</translation>
    </message>
    <message>
        <source>Flagging the question</source>
        <translation>問題へのフラグ付け</translation>
    </message>
</context>
<context>
    <name>ui.draft_review</name>
    <message>
        <source>Source</source>
        <extracomment>One item of each group, as the editor&apos;s heading names it.</extracomment>
        <translation>出典</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>セクション</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>用語</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>セクション</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>用語</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>Fields edited as paragraphs; every other text field is one line.</extracomment>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>要約</translation>
    </message>
    <message>
        <source>Source title</source>
        <translation>出典のタイトル</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>発行元</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日付 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>概数</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定義</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリー</translation>
    </message>
    <message>
        <source>Also accepted (; between)</source>
        <translation>別解（; で区切る）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>順序</translation>
    </message>
    <message>
        <source>Happened</source>
        <translation>実施済み</translation>
    </message>
    <message>
        <source>exact</source>
        <extracomment>Fields a figure may have that the draft may not have filled (the article gave no bound, year or outlet): shown anyway, in this order, so a person can add them. The bounds as the list shows them (the pack keeps the English words).</extracomment>
        <translation>ちょうど</translation>
    </message>
    <message>
        <source>about</source>
        <translation>約</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>以上</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>超</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>未満</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>以下</translation>
    </message>
    <message>
        <source>Articles (*.txt *.html *.htm *.pdf);;Text (*.txt);;Web pages (*.html *.htm);;PDF (*.pdf)</source>
        <translation>記事 (*.txt *.html *.htm *.pdf);;テキスト (*.txt);;Web ページ (*.html *.htm);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{name}: could not be drafted ({error}: {reason})</source>
        <translation>{name}: 下書きを作成できませんでした（{error}: {reason}）</translation>
    </message>
    <message>
        <source>New briefing from {name}</source>
        <translation>{name} からの新しいブリーフィング</translation>
    </message>
    <message>
        <source>Drafted from {name}: {sections} sections, {figures} figures, {terms} terms, {milestones} milestones, all in the article&apos;s own words. Keep (Space) or drop (Delete) each item and correct what needs it; items marked “to write” need words only you can write. Save (Ctrl+S) writes the pack and adds it to your library.</source>
        <translation>{name} から下書きを作成しました: セクション {sections} 件、数値 {figures} 件、用語 {terms} 件、出来事 {milestones} 件。いずれも記事の原文どおりです。各項目を残す (Space) か外す (Delete) かを選び、必要なところを修正してください。「要記入」の項目は、あなたにしか書けない内容です。保存 (Ctrl+S) するとパックを書き出し、ライブラリに追加します。</translation>
    </message>
    <message>
        <source>Drafted items</source>
        <translation>下書きの項目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>残す(&amp;K)</translation>
    </message>
    <message>
        <source>Keep the selected item in the pack (Space)</source>
        <translation>選択した項目をパックに残します (Space)</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>外す(&amp;D)</translation>
    </message>
    <message>
        <source>Leave the selected item out of the pack (Delete)</source>
        <translation>選択した項目をパックから外します (Delete)</translation>
    </message>
    <message>
        <source>&amp;Save pack…</source>
        <translation>パックを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Check the draft, write the pack into a folder and add it to your library (Ctrl+S)</source>
        <translation>下書きを検査し、パックをフォルダーに書き出してライブラリに追加します (Ctrl+S)</translation>
    </message>
    <message>
        <source>The {what} cannot be dropped: a pack needs it (edit it instead).</source>
        <translation>{what}は外せません。パックに必要です（代わりに編集してください）。</translation>
    </message>
    <message>
        <source>Choose an item in the list to see and edit it.</source>
        <translation>一覧で項目を選ぶと、ここで表示・編集できます。</translation>
    </message>
    <message>
        <source> (to write)</source>
        <translation>（要記入）</translation>
    </message>
    <message>
        <source>cannot be written: {reason}</source>
        <translation>書き出せません: {reason}</translation>
    </message>
    <message>
        <source>{count} problem</source>
        <translation>問題 {count} 件</translation>
    </message>
    <message>
        <source>{count} problems</source>
        <translation>問題 {count} 件</translation>
    </message>
    <message>
        <source>to write: {fields}</source>
        <translation>要記入: {fields}</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>外す</translation>
    </message>
    <message>
        <source>{count} problem to fix before saving</source>
        <translation>保存する前に修正が必要な問題が {count} 件あります</translation>
    </message>
    <message>
        <source>{count} problems to fix before saving</source>
        <translation>保存する前に修正が必要な問題が {count} 件あります</translation>
    </message>
    <message>
        <source>Ready to save: the pack passes the check.</source>
        <translation>保存できます。パックは検査に合格しています。</translation>
    </message>
    <message>
        <source>{waiting} item still to write is saved commented out in pack.toml, not in the briefing.</source>
        <translation>まだ書く必要がある{waiting}件の項目は、ブリーフィングには入らず、pack.toml にコメントとして保存されます。</translation>
    </message>
    <message>
        <source>{waiting} items still to write are saved commented out in pack.toml, not in the briefing.</source>
        <translation>まだ書く必要がある{waiting}件の項目は、ブリーフィングには入らず、pack.toml にコメントとして保存されます。</translation>
    </message>
    <message>
        <source>Discard this draft?</source>
        <translation>この下書きを破棄しますか?</translation>
    </message>
    <message>
        <source>Your review of this draft is not saved. Discard it?</source>
        <translation>この下書きの確認内容は保存されていません。破棄しますか?</translation>
    </message>
    <message>
        <source>Not saved: {count} problem(s) to fix first (shown beside the fields).</source>
        <translation>保存していません: 先に修正が必要な問題が {count} 件あります（各欄の横に表示しています）。</translation>
    </message>
    <message>
        <source>Save the new briefing pack: choose where its folder goes</source>
        <translation>新しいブリーフィングパックの保存: フォルダーを作成する場所を選択</translation>
    </message>
    <message>
        <source>Replace the pack?</source>
        <translation>パックを置き換えますか?</translation>
    </message>
    <message>
        <source>{folder} already holds files. Replace its pack.toml and {source}?</source>
        <translation>{folder} にはすでにファイルがあります。pack.toml と {source} を置き換えますか?</translation>
    </message>
    <message>
        <source>Pack not saved</source>
        <translation>パックは保存されませんでした</translation>
    </message>
    <message>
        <source>The pack in {folder} has problems:</source>
        <translation>{folder} のパックに問題があります:</translation>
    </message>
    <message>
        <source>Could not write {folder}: {reason}</source>
        <translation>{folder} に書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>Drafting a briefing from {name}…</source>
        <translation>{name} からブリーフィングの下書きを作成しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>New briefing from an article</source>
        <translation>記事から新しいブリーフィングを作成</translation>
    </message>
    <message>
        <source>Drafting progress</source>
        <translation>下書き作成の進行状況</translation>
    </message>
    <message>
        <source>New briefing from an article: choose the article</source>
        <translation>記事から新しいブリーフィングを作成: 記事を選択</translation>
    </message>
    <message>
        <source>No draft</source>
        <translation>下書きを作成できませんでした</translation>
    </message>
</context>
<context>
    <name>ui.handout</name>
    <message>
        <source>Export briefing</source>
        <extracomment>The settings key of the folder every export starts in (shared with the quiz exports).</extracomment>
        <translation>ブリーフィングのエクスポート</translation>
    </message>
    <message>
        <source>Export one-page brief</source>
        <translation>1 ページの要約のエクスポート</translation>
    </message>
    <message>
        <source>Choose one</source>
        <translation>択一</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>正誤</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Typed answer</source>
        <translation>記述式</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>組み合わせ</translation>
    </message>
    <message>
        <source>Select all that apply</source>
        <translation>当てはまるものをすべて選択</translation>
    </message>
    <message>
        <source>Put in order</source>
        <translation>並べ替え</translation>
    </message>
    <message>
        <source>Sort into categories</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>A4</source>
        <extracomment>Paper sizes as the Paper list names them (A4 is A4 everywhere).</extracomment>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US レター</translation>
    </message>
    <message>
        <source> ({pages} page)</source>
        <translation>（{pages} ページ）</translation>
    </message>
    <message>
        <source> ({pages} pages)</source>
        <translation>（{pages} ページ）</translation>
    </message>
    <message>
        <source> Left out to fit one page: {parts}.</source>
        <translation> 1 ページに収めるために省いたもの: {parts}。</translation>
    </message>
    <message>
        <source>Saved {path}{pages}.{left}</source>
        <translation>{path} を保存しました{pages}。{left}</translation>
    </message>
    <message>
        <source>Saved the question sheet {sheet} and the answer key {key}: {count} questions, exam code {code}.</source>
        <translation>問題用紙 {sheet} と解答 {key} を保存しました: {count} 問、試験コード {code}。</translation>
    </message>
    <message>
        <source>{asked} were asked for: {count} is all this pack can ask in one exam without one question giving another&apos;s answer away.</source>
        <translation>{asked} 問の指定でしたが、ほかの問題の答えを明かしてしまう問題を同じ試験に入れないため、このパックから 1 回の試験で出せるのは {count} 問です。</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存先</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>エクスポートの状態</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>書き出しています…</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>用紙(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>保存先(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>The whole briefing: sections, figures with their outlets, charts, tables, timeline, glossary and sources.</source>
        <translation>ブリーフィング全体: セクション、数値とその媒体、グラフ、表、年表、用語集、出典。</translation>
    </message>
    <message>
        <source>One page to hand across a table: key figures with their outlets, the comparison, the lists and what to watch. If the pack is too long, the least important parts are left out and named here.</source>
        <translation>手渡しできる 1 ページの要約: 主要な数値とその媒体、比較、一覧、注目点。パックが長すぎる場合は重要度の低い部分を省き、ここに表示します。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>Nothing was written: {reason}</source>
        <translation>何も書き出していません: {reason}</translation>
    </message>
    <message>
        <source>Print quiz on paper</source>
        <translation>クイズを紙に印刷</translation>
    </message>
    <message>
        <source>&amp;Create sheet and key</source>
        <translation>問題用紙と解答を作成(&amp;C)</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>Kinds of question</source>
        <translation>問題の種類</translation>
    </message>
    <message>
        <source>Number of questions</source>
        <translation>問題数</translation>
    </message>
    <message>
        <source>a new code</source>
        <translation>新しいコード</translation>
    </message>
    <message>
        <source>Exam code</source>
        <translation>試験コード</translation>
    </message>
    <message>
        <source>Type the code of an exam to print the same questions again</source>
        <translation>同じ問題をもう一度印刷するには、試験のコードを入力します</translation>
    </message>
    <message>
        <source>With every topic and kind ticked, the questions the app&apos;s Exam asks for the same code: one question per fact, topics mixed. Fewer ticked narrow the sheet (the same code and ticks print it again). The answer key is saved beside the sheet (…-key.pdf).</source>
        <translation>すべてのトピックと種類を選択すると、同じコードでアプリの試験が出題するのと同じ問題になります（事実ごとに 1 問、トピックは混在）。選択を減らすと問題用紙が絞り込まれます（同じコードと選択でもう一度印刷できます）。解答は問題用紙と同じ場所に保存されます (…-key.pdf)。</translation>
    </message>
    <message>
        <source>&amp;Topics:</source>
        <translation>トピック(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Kinds:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation>問題数(&amp;Q):</translation>
    </message>
    <message>
        <source>Exam &amp;code:</source>
        <translation>試験コード(&amp;C):</translation>
    </message>
    <message>
        <source>Tick at least one topic and one kind of question.</source>
        <translation>トピックと問題の種類をそれぞれ 1 つ以上選択してください。</translation>
    </message>
</context>
<context>
    <name>ui.live</name>
    <message>
        <source>Run a live session</source>
        <translation>ライブセッションを開始</translation>
    </message>
    <message>
        <source>Briefing: {title}. Learners answer on their own phones or laptops: they open the address shown (or scan its QR code) on this network and type a name. Nothing is installed and no internet is needed. The app serves that page only while the session runs.</source>
        <translation>ブリーフィング: {title}。受講者は自分のスマートフォンやノートパソコンで解答します。同じネットワークで表示されたアドレスを開き（または QR コードを読み取り）、名前を入力します。インストールは不要で、インターネット接続も要りません。このページはセッション中だけ提供されます。</translation>
    </message>
    <message>
        <source>&amp;Time limit per question</source>
        <translation>1 問ごとの制限時間(&amp;T)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Seconds per question</source>
        <translation>1 問あたりの秒数</translation>
    </message>
    <message>
        <source>Show a &amp;ranking by accuracy at the end (no points for speed)</source>
        <translation>最後に正答数のランキングを表示(&amp;R)（速さは加点しません）</translation>
    </message>
    <message>
        <source>Address to serve on</source>
        <translation>公開するアドレス</translation>
    </message>
    <message>
        <source>This computer&apos;s address on the classroom network; 127.0.0.1 is this computer only</source>
        <translation>教室のネットワークでのこのコンピューターのアドレス。127.0.0.1 はこのコンピューターのみです</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Timer:</source>
        <translation>タイマー:</translation>
    </message>
    <message>
        <source>Serve on:</source>
        <translation>公開先:</translation>
    </message>
    <message>
        <source>&amp;Start session</source>
        <translation>セッションを開始(&amp;S)</translation>
    </message>
    <message>
        <source>How the room answered</source>
        <translation>会場の解答</translation>
    </message>
    <message>
        <source> (right answer)</source>
        <translation>（正解）</translation>
    </message>
    <message>
        <source>{total} in all</source>
        <translation>合計 {total}</translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation>✓ 正解</translation>
    </message>
    <message>
        <source>Live session — Briefing Quiz</source>
        <translation>ライブセッション — Briefing Quiz</translation>
    </message>
    <message>
        <source>Live session</source>
        <translation>ライブセッション</translation>
    </message>
    <message>
        <source>How to join</source>
        <translation>参加方法</translation>
    </message>
    <message>
        <source>QR code to join</source>
        <translation>参加用 QR コード</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Answers received</source>
        <translation>受信した解答</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>End the live session?</source>
        <translation>ライブセッションを終了しますか?</translation>
    </message>
    <message>
        <source>End the session for everyone? Every answer so far is saved.</source>
        <translation>全員のセッションを終了しますか? これまでの解答はすべて保存されています。</translation>
    </message>
    <message>
        <source>Join: {url}    or open {address} and type the code {code}</source>
        <translation>参加: {url}    または {address} を開いてコード {code} を入力</translation>
    </message>
    <message>
        <source>Scan the QR code, or open {address} and type the code</source>
        <translation>QR コードを読み取るか、{address} を開いてコードを入力してください</translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation>コード: {code}</translation>
    </message>
    <message>
        <source>{count} joined</source>
        <translation>{count} 人が参加</translation>
    </message>
    <message>
        <source>Question {number} of {total} · {topic}</source>
        <translation>問題 {number}/{total} · {topic}</translation>
    </message>
    <message>
        <source>{seconds} s left</source>
        <translation>残り {seconds} 秒</translation>
    </message>
    <message>
        <source>time is up</source>
        <translation>時間切れ</translation>
    </message>
    <message>
        <source>{answered} of {learners} answered</source>
        <translation>{learners} 人中 {answered} 人が解答</translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation>解答: {answer}</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>セッション終了</translation>
    </message>
    <message>
        <source>{learners} learners · {answers} answers saved</source>
        <translation>受講者 {learners} 人 · 解答 {answers} 件を保存</translation>
    </message>
    <message>
        <source>{place}. {name}: {right} of {total} right</source>
        <translation>{place}. {name}: {total} 問中 {right} 問正解</translation>
    </message>
    <message>
        <source>Results: File → Live session results…, or the trainer report</source>
        <translation>結果: ファイル → ライブセッションの結果…、またはトレーナー向けレポート</translation>
    </message>
    <message>
        <source>Space: first question</source>
        <translation>Space: 最初の問題</translation>
    </message>
    <message>
        <source>Space: reveal</source>
        <translation>Space: 正解を表示</translation>
    </message>
    <message>
        <source>Space: next question</source>
        <translation>Space: 次の問題</translation>
    </message>
    <message>
        <source>Space: end</source>
        <translation>Space: 終了</translation>
    </message>
    <message>
        <source>Esc: close</source>
        <translation>Esc: 閉じる</translation>
    </message>
    <message>
        <source>Esc: end the session</source>
        <translation>Esc: セッションを終了</translation>
    </message>
    <message>
        <source>Tick at least one topic and one kind of question.</source>
        <translation>トピックと問題の種類をそれぞれ 1 つ以上選択してください。</translation>
    </message>
    <message>
        <source>Live session not started</source>
        <translation>ライブセッションを開始できませんでした</translation>
    </message>
    <message>
        <source>Live session results</source>
        <translation>ライブセッションの結果</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>ライブセッション</translation>
    </message>
    <message>
        <source>Session results</source>
        <translation>セッションの結果</translation>
    </message>
    <message>
        <source>{when} UTC — {learners} learners, {answers} answers, {questions} questions</source>
        <translation>{when} UTC — 受講者 {learners} 人、解答 {answers} 件、問題 {questions} 問</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>CSV でエクスポート(&amp;C)…</translation>
    </message>
    <message>
        <source>Every answer of every live session is kept in your progress file. Add sessions to the trainer report from File → Trainer report…</source>
        <translation>すべてのライブセッションの解答は進捗ファイルに保存されています。トレーナー向けレポートには、ファイル → トレーナー向けレポート… からセッションを追加できます。</translation>
    </message>
    <message>
        <source>No live session has been run with this briefing yet.</source>
        <translation>このブリーフィングではまだライブセッションを実施していません。</translation>
    </message>
    <message>
        <source>{name}: {right} right of {answered} answered</source>
        <translation>{name}: {answered} 問中 {right} 問正解</translation>
    </message>
    <message>
        <source>No answers in this session.</source>
        <translation>このセッションには解答がありません。</translation>
    </message>
    <message>
        <source>Export live session as CSV</source>
        <translation>ライブセッションを CSV でエクスポート</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path} に書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>Saved {count} answers to {path}</source>
        <translation>{count} 件の解答を {path} に保存しました</translation>
    </message>
</context>
<context>
    <name>ui.presenter</name>
    <message>
        <source>Presenter questions</source>
        <translation>プレゼンターモードの問題</translation>
    </message>
    <message>
        <source>Show the &amp;figures (each after its questions)</source>
        <translation>数値を表示(関連する問題の後)(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>プレゼン開始(&amp;P)</translation>
    </message>
    <message>
        <source>← → step · Home/End first/last · Esc leave</source>
        <translation>← →: 移動 · Home/End: 最初/最後 · Esc: 終了</translation>
    </message>
    <message>
        <source>Presenter — Briefing Quiz</source>
        <extracomment>the slide index shown when the window closed (so the next session can resume there)</extracomment>
        <translation>プレゼンター — Briefing Quiz</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>プレゼンター</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Slide</source>
        <translation>スライド</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Space: show the answer</source>
        <translation>Space: 解答を表示</translation>
    </message>
    <message>
        <source>Space: next</source>
        <translation>Space: 次へ</translation>
    </message>
</context>
<context>
    <name>ui.question_import</name>
    <message>
        <source>Question banks (*.gift *.txt *.xml *.csv *.apkg)</source>
        <extracomment>The file chooser&apos;s filter: every format the importer reads first, then one per format.</extracomment>
        <translation>問題バンク (*.gift *.txt *.xml *.csv *.apkg)</translation>
    </message>
    <message>
        <source>Moodle GIFT (*.gift *.txt)</source>
        <translation>Moodle GIFT (*.gift *.txt)</translation>
    </message>
    <message>
        <source>Moodle XML (*.xml)</source>
        <translation>Moodle XML (*.xml)</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV) (*.csv)</source>
        <translation>スプレッドシート (CSV) (*.csv)</translation>
    </message>
    <message>
        <source>Anki package (*.apkg)</source>
        <translation>Anki パッケージ (*.apkg)</translation>
    </message>
    <message>
        <source>Nothing new in {file} ({format}): its %n question(s) are already in pack {pack}, so none were added.</source>
        <translation>{file} ({format}) に新しい問題はありません。%n 問はすべてパック {pack} にあるため、追加しませんでした。</translation>
    </message>
    <message>
        <source>{count} question(s) from {file} ({format}) are in pack {pack}; {skipped} could not come in.</source>
        <translation>{file} ({format}) の {count} 問をパック {pack} に取り込みました。{skipped} 問は取り込めませんでした。</translation>
    </message>
    <message>
        <source>{count} question(s) from {file} ({format}) are in pack {pack}.</source>
        <translation>{file} ({format}) の {count} 問をパック {pack} に取り込みました。</translation>
    </message>
    <message>
        <source>%n question(s) were already in the pack and were not added again.</source>
        <translation>%n 問は既にパックにあるため、追加しませんでした。</translation>
    </message>
    <message>
        <source>Questions whose category matches no topic of the pack are in the new topic {topic}.</source>
        <translation>カテゴリーがパックのどのトピックにも一致しない問題は、新しいトピック {topic} に入れました。</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>追加:</translation>
    </message>
    <message>
        <source>Replaced (imported before from a file of the same name):</source>
        <translation>置き換え（以前に同名のファイルから取り込んだもの）:</translation>
    </message>
    <message>
        <source>Already in the pack (not added again):</source>
        <translation>既にパックにある問題 (追加せず):</translation>
    </message>
    <message>
        <source>Could not come in:</source>
        <translation>取り込めなかったもの:</translation>
    </message>
    <message>
        <source>Left out of questions that came in:</source>
        <translation>取り込んだ問題から省いたもの:</translation>
    </message>
    <message>
        <source>Questions imported</source>
        <translation>問題を取り込みました</translation>
    </message>
    <message>
        <source>Nothing new to import</source>
        <translation>新しい問題なし</translation>
    </message>
    <message>
        <source>No questions imported</source>
        <translation>問題は取り込まれませんでした</translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation>問題のインポート</translation>
    </message>
    <message>
        <source>Importing questions from {name}…</source>
        <translation>{name} から問題をインポートしています…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>インポートの進行状況</translation>
    </message>
    <message>
        <source>Importing questions</source>
        <extracomment>Imports under way (each keeps itself alive until its worker has reported).</extracomment>
        <translation>問題のインポート</translation>
    </message>
    <message>
        <source>Import questions into “{title}”</source>
        <translation>「{title}」に問題をインポート</translation>
    </message>
</context>
<context>
    <name>ui.record_editor</name>
    <message>
        <source>Label</source>
        <extracomment>Field names as the form shows them.</extracomment>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>概数</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>用語</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定義</translation>
    </message>
    <message>
        <source>Also accept</source>
        <translation>別解</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリー</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>文</translation>
    </message>
    <message>
        <source>Misreadings</source>
        <translation>誤読</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>問題文</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>許容誤差</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解説</translation>
    </message>
    <message>
        <source>one a line</source>
        <translation>1 行に 1 つ</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>figure</source>
        <extracomment>The records as the title and the introduction name them.</extracomment>
        <translation>数値</translation>
    </message>
    <message>
        <source>term</source>
        <translation>用語</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>事実</translation>
    </message>
    <message>
        <source>question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Edit {noun} {id}</source>
        <extracomment>the pack id, after a save re-imported it</extracomment>
        <translation>{noun} {id} を編集</translation>
    </message>
    <message>
        <source>Edit {noun}</source>
        <translation>{noun}を編集</translation>
    </message>
    <message>
        <source>{noun} “{id}” of “{title}”. Saving writes it into the pack&apos;s pack.toml in your library (its comments and layout are kept) and imports the pack again; answers given so far are kept, as the id stays (a quiz under way is saved: Resume brings it back).</source>
        <extracomment>each field&apos;s text as the form first showed it: only fields changed from it are written</extracomment>
        <translation>「{title}」の{noun}「{id}」。保存すると、ライブラリにあるパックの pack.toml に書き込み（コメントと書式はそのまま）、パックをもう一度インポートします。ID は変わらないため、これまでの解答は保持されます（途中のクイズは保存され、「再開」で戻れます）。</translation>
    </message>
    <message>
        <source>About this form</source>
        <translation>このフォームについて</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Problems with {field}</source>
        <translation>{field}の問題</translation>
    </message>
    <message>
        <source>Other problems</source>
        <translation>その他の問題</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Write {what}</source>
        <translation>{what}を入力してください</translation>
    </message>
    <message>
        <source>{count} problem to fix before saving</source>
        <translation>保存する前に修正が必要な問題が {count} 件あります</translation>
    </message>
    <message>
        <source>{count} problems to fix before saving</source>
        <translation>保存する前に修正が必要な問題が {count} 件あります</translation>
    </message>
    <message>
        <source>Ready to save</source>
        <translation>保存できます</translation>
    </message>
    <message>
        <source>No changes yet</source>
        <translation>まだ変更はありません</translation>
    </message>
    <message>
        <source>Saving and importing the pack again…</source>
        <translation>保存して、パックをもう一度インポートしています…</translation>
    </message>
    <message>
        <source>Not saved: the pack would not import (nothing was changed)</source>
        <translation>保存していません: パックをインポートできません（何も変更していません）</translation>
    </message>
    <message>
        <source>Saving the pack: not done</source>
        <translation>パックの保存: 完了しませんでした</translation>
    </message>
    <message>
        <source>The pack could not be saved: {reason}. Nothing was changed.</source>
        <translation>パックを保存できませんでした: {reason}。何も変更していません。</translation>
    </message>
</context>
<context>
    <name>ui.report_pdf</name>
    <message>
        <source>point-biserial correlation with the score on the other questions (corrected item-total)</source>
        <extracomment>quiz.report.DISCRIMINATION_INDEX, for the translators (the report names the index in the reader&apos;s language).</extracomment>
        <translation>ほかの問題の得点との点双列相関（修正済み項目-合計相関）</translation>
    </message>
    <message>
        <source>only one learner answered it</source>
        <extracomment>quiz.report&apos;s reasons a discrimination is undefined (ONE_LEARNER…), translated where the PDF shows them.</extracomment>
        <translation>回答した受講者が 1 人だけ</translation>
    </message>
    <message>
        <source>everyone answered it right</source>
        <translation>全員が正解</translation>
    </message>
    <message>
        <source>everyone answered it wrong</source>
        <translation>全員が不正解</translation>
    </message>
    <message>
        <source>these learners&apos; scores on the other questions are all equal</source>
        <translation>これらの受講者のほかの問題の得点がすべて同じ</translation>
    </message>
    <message>
        <source>– ({reason})</source>
        <translation>–（{reason}）</translation>
    </message>
    <message>
        <source>Trainer report — {title}</source>
        <translation>トレーナー向けレポート — {title}</translation>
    </message>
    <message>
        <source>Trainer report</source>
        <translation>トレーナー向けレポート</translation>
    </message>
    <message>
        <source>{count} progress file</source>
        <translation>進捗ファイル {count} 件</translation>
    </message>
    <message>
        <source>{count} progress files</source>
        <translation>進捗ファイル {count} 件</translation>
    </message>
    <message>
        <source>{count} live session</source>
        <translation>ライブセッション {count} 件</translation>
    </message>
    <message>
        <source>{count} live sessions</source>
        <translation>ライブセッション {count} 件</translation>
    </message>
    <message>
        <source> and </source>
        <translation>と</translation>
    </message>
    <message>
        <source>{date} · {learners} · {questions} answered · from {origin} (each learner&apos;s are listed below)</source>
        <translation>{date} · {learners} · 解答された{questions} · 元データ: {origin}（受講者ごとの内訳は下記）</translation>
    </message>
    <message>
        <source>{count} learner</source>
        <translation>受講者 {count} 人</translation>
    </message>
    <message>
        <source>{count} learners</source>
        <translation>受講者 {count} 人</translation>
    </message>
    <message>
        <source>{count} question</source>
        <translation>問題 {count} 問</translation>
    </message>
    <message>
        <source>{count} questions</source>
        <translation>問題 {count} 問</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>ファイルなし</translation>
    </message>
    <message>
        <source>{count} more learner joined a live session without answering; no figure here counts them.</source>
        <translation>ほかに {count} 人がライブセッションに参加しましたが解答しなかったため、どの数値にも含まれていません。</translation>
    </message>
    <message>
        <source>{count} more learners joined a live session without answering; no figure here counts them.</source>
        <translation>ほかに {count} 人がライブセッションに参加しましたが解答しなかったため、どの数値にも含まれていません。</translation>
    </message>
    <message>
        <source>How to read it. Every figure counts each learner&apos;s first attempt at each question (later attempts measure practice). Score: the share of a learner&apos;s questions right first time. Facility: the share of learners right first time. Discrimination: the {index}, from −1 to +1: above about +0.3 a question separates those who know the briefing from those who do not; near 0 or below, check its wording and key. It is “–” where it is undefined, with the reason beside it (one learner only, or everyone answered alike).</source>
        <translation>読み方。どの数値も、各受講者が各問題に初めて解答したときだけを数えます（2 回目以降は練習とみなします）。得点: 受講者が初回で正解した問題の割合。正答率: 初回で正解した受講者の割合。識別力: {index}。−1 から +1 の値で、およそ +0.3 を超える問題はブリーフィングを理解している人とそうでない人を区別できています。0 付近以下なら、問題文と正解を見直してください。定義できない場合は「–」とし、その理由（受講者が 1 人だけ、または全員が同じ解答）を横に示します。</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>受講者</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>受講者</translation>
    </message>
    <message>
        <source>From</source>
        <translation>元データ</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Right first time</source>
        <translation>初回正解</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得点</translation>
    </message>
    <message>
        <source>Weakest topics</source>
        <translation>苦手なトピック</translation>
    </message>
    <message>
        <source>Questions, hardest first</source>
        <translation>問題（難しい順）</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>正答率</translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation>識別力</translation>
    </message>
    <message>
        <source>How the learners answered</source>
        <translation>受講者の解答</translation>
    </message>
    <message>
        <source>First attempts per option (select-all: how many ticked each option), or per verdict for questions answered by typing, matching, ordering or sorting. ✓ marks the key.</source>
        <translation>選択肢ごとの初回解答数（複数選択の問題は、各選択肢を選んだ人数）。記述・組み合わせ・並べ替え・分類の問題は判定ごとの数。✓ は正解を示します。</translation>
    </message>
    <message>
        <source>Figure: facility by topic, weakest first — the share of first attempts that were right, averaged over each topic&apos;s questions ({questions} questions in {topics} topics). Orange bars: under half right first time; start the next session there.</source>
        <translation>図: トピック別の正答率（低い順）— 初回解答のうち正解だった割合を、トピックの問題ごとに平均したもの（{topics} トピック、{questions} 問）。オレンジの棒は初回正解が半数未満です。次のセッションはここから始めましょう。</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title}（続き）</translation>
    </message>
    <message>
        <source>Trainer report · page {number} of {pages}</source>
        <translation>トレーナー向けレポート · {number}/{pages} ページ</translation>
    </message>
</context>
<context>
    <name>ui.room_choice</name>
    <message>
        <source>Multiple choice</source>
        <translation>多肢選択</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>正誤</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Typed answer</source>
        <translation>記述式</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>組み合わせ</translation>
    </message>
    <message>
        <source>Select all that apply</source>
        <translation>当てはまるものをすべて選択</translation>
    </message>
    <message>
        <source>Put in order</source>
        <translation>並べ替え</translation>
    </message>
    <message>
        <source>Sort into categories</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>Kinds of question</source>
        <translation>問題の種類</translation>
    </message>
    <message>
        <source>Number of questions</source>
        <translation>問題数</translation>
    </message>
    <message>
        <source>Questions available</source>
        <translation>出題できる問題</translation>
    </message>
    <message>
        <source>&amp;Topics:</source>
        <translation>トピック(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Kinds:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Number of questions:</source>
        <translation>問題数(&amp;N):</translation>
    </message>
    <message>
        <source>{count} question available for this choice (one per fact: never two versions of the same fact).</source>
        <translation>この選択で出題できる問題は {count} 問です（事実ごとに 1 問。同じ事実の別バージョンは出題しません）。</translation>
    </message>
    <message>
        <source>{count} questions available for this choice (one per fact: never two versions of the same fact).</source>
        <translation>この選択で出題できる問題は {count} 問です（事実ごとに 1 問。同じ事実の別バージョンは出題しません）。</translation>
    </message>
    <message>
        <source>Nothing to ask: tick at least one topic and one kind.</source>
        <translation>出題できる問題がありません。トピックと種類をそれぞれ 1 つ以上選択してください。</translation>
    </message>
</context>
<context>
    <name>ui.trainer_report</name>
    <message>
        <source>Progress files (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>進捗ファイル (*.db *.sqlite *.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Trainer report</source>
        <translation>トレーナー向けレポート</translation>
    </message>
    <message>
        <source>Briefing: {title}. Add the progress files your learners exported (each learner: File → Export my progress for the trainer…), and tick live sessions run here. Their files are only read; a learner&apos;s file and its backup count as one learner.</source>
        <translation>ブリーフィング: {title}。受講者がエクスポートした進捗ファイルを追加し（各受講者: ファイル → トレーナー用に自分の進捗をエクスポート…）、ここで実施したライブセッションを選択してください。ファイルは読み取るだけです。受講者のファイルとそのバックアップは 1 人として数えます。</translation>
    </message>
    <message>
        <source>Progress files</source>
        <translation>進捗ファイル</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>ファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>ライブセッション</translation>
    </message>
    <message>
        <source>Live session {when} UTC — {learners}, {answers}</source>
        <translation>ライブセッション {when} UTC — {learners}、{answers}</translation>
    </message>
    <message>
        <source>{count} learner</source>
        <translation>受講者 {count} 人</translation>
    </message>
    <message>
        <source>{count} learners</source>
        <translation>受講者 {count} 人</translation>
    </message>
    <message>
        <source>{count} answer</source>
        <translation>解答 {count} 件</translation>
    </message>
    <message>
        <source>{count} answers</source>
        <translation>解答 {count} 件</translation>
    </message>
    <message>
        <source>{count} question</source>
        <translation>問題 {count} 問</translation>
    </message>
    <message>
        <source>{count} questions</source>
        <translation>問題 {count} 問</translation>
    </message>
    <message>
        <source>Report PDF</source>
        <translation>レポートの PDF</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Save PDF as:</source>
        <translation>PDF の保存先:</translation>
    </message>
    <message>
        <source>Also save the figures as &amp;CSV beside it</source>
        <translation>集計値も CSV で同じ場所に保存(&amp;C)</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>レポートの状態</translation>
    </message>
    <message>
        <source>Create &amp;report</source>
        <translation>レポートを作成(&amp;R)</translation>
    </message>
    <message>
        <source>Learners&apos; progress files</source>
        <translation>受講者の進捗ファイル</translation>
    </message>
    <message>
        <source>Save trainer report</source>
        <translation>トレーナー向けレポートの保存</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} を読み込んでいます…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>PDF を書き出しています…</translation>
    </message>
    <message>
        <source>No report written. These files could not be read:</source>
        <translation>レポートは作成されませんでした。次のファイルを読み込めませんでした:</translation>
    </message>
    <message>
        <source>No report written: {reason}</source>
        <translation>レポートは作成されませんでした: {reason}</translation>
    </message>
    <message>
        <source>No report written: no learner in these files or sessions answered a question of this pack.</source>
        <translation>レポートは作成されませんでした: これらのファイルやセッションには、このパックの問題に回答した学習者がいません。</translation>
    </message>
    <message>
        <source>Report on {learners} and {questions} written to:</source>
        <translation>{learners}、{questions}のレポートを書き出しました:</translation>
    </message>
    <message>
        <source>{count} more learner joined without answering and is not counted.</source>
        <translation>ほかに {count} 人が参加しましたが解答しなかったため、数えていません。</translation>
    </message>
    <message>
        <source>{count} more learners joined without answering and are not counted.</source>
        <translation>ほかに {count} 人が参加しましたが解答しなかったため、数えていません。</translation>
    </message>
</context>
</TS>
