<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>ui.app</name>
    <message>
        <source>Opening your progress and briefing packs…</source>
        <extracomment>Open anyway if no paint arrives this long after show() (a window the system does not map is never painted). After a start that trusted the last clean close, SQLite&apos;s full check runs on a worker thread this long after the window opened (when the first page and its charts are done), and speaks only if it finds damage. How long closing waits for that check to finish (it reads every page: 350 ms at a million answers). SQLite&apos;s full check, run in the background, found problems (its findings). the window asked to be started again (View → Language → Restart now)</extracomment>
        <translation>学習記録とブリーフィングパックを開いています…</translation>
    </message>
    <message>
        <source>Briefing Quiz is already open</source>
        <translation>Briefing Quiz はすでに起動しています</translation>
    </message>
    <message>
        <source>Cannot open your progress</source>
        <translation>学習記録を開けません</translation>
    </message>
    <message>
        <source>A briefing pack has problems</source>
        <translation>ブリーフィングパックに問題があります</translation>
    </message>
    <message>
        <source>The check could not run: {reason}</source>
        <translation>検査を実行できませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>ui.main_window</name>
    <message>
        <source>Anki (.apkg)</source>
        <extracomment>The app&apos;s name (a name: the same in every language). Export formats and their labels (translated where shown).</extracomment>
        <translation>Anki (.apkg)</translation>
    </message>
    <message>
        <source>Moodle XML</source>
        <translation>Moodle XML</translation>
    </message>
    <message>
        <source>Moodle GIFT</source>
        <translation>Moodle GIFT</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV)</source>
        <translation>表計算 (CSV)</translation>
    </message>
    <message>
        <source>&amp;Briefing</source>
        <extracomment>The tabs, in order: (page name, tab label; translated where shown).</extracomment>
        <translation>ブリーフィング(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quiz</source>
        <translation>クイズ(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>進捗(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <extracomment>View → Theme&apos;s entries, by theme name.</extracomment>
        <translation>システム(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>%n question</source>
        <translation>%n 問</translation>
    </message>
    <message>
        <source>%n questions</source>
        <translation>%n 問</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>読み込み中</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>開いています…</translation>
    </message>
    <message>
        <source>Main areas</source>
        <extracomment>The stores are open and the page on show is built (emitted by :meth:`attach`). the pack, learner, progress and settings every page follows (they subscribe to its signals)</extracomment>
        <translation>主な画面</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>ブリーフィングパック</translation>
    </message>
    <message>
        <source>Which briefing to read, quiz and chart (View → Briefing pack)</source>
        <translation>読む・クイズに使う・グラフにするブリーフィング (表示 → ブリーフィングパック)</translation>
    </message>
    <message>
        <source>Briefing pack:</source>
        <translation>ブリーフィングパック:</translation>
    </message>
    <message>
        <source>Learner: {name}</source>
        <translation>学習者: {name}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import briefing pack…</source>
        <translation>ブリーフィングパックをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New briefing from an article…</source>
        <translation>記事から新しいブリーフィングを作成(&amp;N)…</translation>
    </message>
    <message>
        <source>Import q&amp;uestions…</source>
        <translation>問題をインポート(&amp;U)…</translation>
    </message>
    <message>
        <source>S&amp;hare briefing pack…</source>
        <translation>ブリーフィングパックを共有(&amp;H)…</translation>
    </message>
    <message>
        <source>Save a copy of this briefing's pack folder to send: others add it with Import briefing pack</source>
        <translation>送るためにこのブリーフィングのパックフォルダーのコピーを保存します。受け取った人は「ブリーフィングパックをインポート」で追加できます</translation>
    </message>
    <message>
        <source>Share briefing pack: choose where to save a copy</source>
        <translation>ブリーフィングパックを共有: コピーの保存先を選択</translation>
    </message>
    <message>
        <source>Sharing the briefing pack</source>
        <translation>ブリーフィングパックの共有</translation>
    </message>
    <message>
        <source>Saved a copy of {title} to {folder}: send that folder; it is added with File → Import briefing pack…</source>
        <translation>{title} のコピーを {folder} に保存しました。このフォルダーを送ってください。「ファイル → ブリーフィングパックをインポート…」で追加できます</translation>
    </message>
    <message>
        <source>E&amp;xport briefing…</source>
        <translation>ブリーフィングをエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Export &amp;one-page brief…</source>
        <translation>1 ページの要約をエクスポート(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Print quiz on paper…</source>
        <translation>クイズを紙に印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Export chart as PN&amp;G…</source>
        <translation>グラフを PNG でエクスポート(&amp;G)…</translation>
    </message>
    <message>
        <source>Export chart as &amp;SVG…</source>
        <translation>グラフを SVG でエクスポート(&amp;S)…</translation>
    </message>
    <message>
        <source>Export qui&amp;z for</source>
        <translation>クイズをエクスポート(&amp;Z)</translation>
    </message>
    <message>
        <source>{format}…</source>
        <translation>{format}…</translation>
    </message>
    <message>
        <source>&amp;Trainer report…</source>
        <translation>トレーナー向けレポート(&amp;T)…</translation>
    </message>
    <message>
        <source>Run a &amp;live session…</source>
        <translation>ライブセッションを開始(&amp;L)…</translation>
    </message>
    <message>
        <source>Li&amp;ve session results…</source>
        <translation>ライブセッションの結果(&amp;V)…</translation>
    </message>
    <message>
        <source>Export my progress for the tr&amp;ainer…</source>
        <translation>トレーナー用に自分の進捗をエクスポート(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo last answer</source>
        <translation>直前の解答を取り消す(&amp;U)</translation>
    </message>
    <message>
        <source>Take the last answer of this quiz back and answer that question again</source>
        <translation>このクイズの直前の解答を取り消して、その問題にもう一度答えます</translation>
    </message>
    <message>
        <source>Go to Briefing</source>
        <translation>ブリーフィングへ移動</translation>
    </message>
    <message>
        <source>Go to Quiz</source>
        <translation>クイズへ移動</translation>
    </message>
    <message>
        <source>Go to Progress</source>
        <translation>進捗へ移動</translation>
    </message>
    <message>
        <source>Briefing &amp;pack</source>
        <translation>ブリーフィングパック(&amp;P)</translation>
    </message>
    <message>
        <source>Question &amp;browser…</source>
        <translation>問題ブラウザー(&amp;B)…</translation>
    </message>
    <message>
        <source>Every question of this pack: search, filter, preview, suspend, flag, edit</source>
        <translation>このパックのすべての問題: 検索、絞り込み、プレビュー、保留、フラグ、編集</translation>
    </message>
    <message>
        <source>Presenter &amp;mode</source>
        <translation>プレゼンターモード(&amp;M)</translation>
    </message>
    <message>
        <source>Full screen, large type, one figure or question per screen</source>
        <translation>全画面・大きな文字で、1 画面に 1 つの数値または問題を表示</translation>
    </message>
    <message>
        <source>Choose presenter &amp;questions…</source>
        <translation>プレゼンター用の問題を選択(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>文字を大きく(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>文字を小さく(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset text size</source>
        <translation>文字サイズを元に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <source>Source: {title}</source>
        <translation>出典: {title}</translation>
    </message>
    <message>
        <source>{pack} — {app}</source>
        <translation>{pack} — {app}</translation>
    </message>
    <message>
        <source>Import briefing pack: choose the folder with pack.toml</source>
        <translation>ブリーフィングパックのインポート: pack.toml のあるフォルダーを選択</translation>
    </message>
    <message>
        <source>Import of {folder} cancelled: nothing was imported</source>
        <translation>{folder} のインポートを中止しました: 何もインポートされていません</translation>
    </message>
    <message>
        <source>Imported {title} ({id})</source>
        <translation>{title} ({id}) をインポートしました</translation>
    </message>
    <message>
        <source>Replaced {title} ({id}) with the copy just imported; your progress on its questions is kept</source>
        <translation>{title} ({id}) を今インポートしたものに置き換えました。問題の進捗はそのまま残ります</translation>
    </message>
    <message>
        <source>Replaced {was} ({id}) with {title}; your progress on its questions is kept</source>
        <translation>{was} ({id}) を {title} に置き換えました。問題の進捗はそのまま残ります</translation>
    </message>
    <message>
        <source>The imported pack in {folder} could not be loaded and is not shown. Your progress on it is kept. Fix these problems and import it again.</source>
        <translation>{folder} にあるインポート済みのパックを読み込めないため、表示していません。このパックの学習記録は保持されています。以下の問題を修正して、もう一度インポートしてください。</translation>
    </message>
    <message>
        <source>Export quiz for {format}</source>
        <translation>{format} 用にクイズをエクスポート</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Saved %n question to {file}</source>
        <translation>%n 問を {file} に保存しました</translation>
    </message>
    <message>
        <source>Saved %n questions to {file}</source>
        <translation>%n 問を {file} に保存しました</translation>
    </message>
    <message>
        <source>{saved} ({questions} you suspended left out)</source>
        <translation>{saved} (保留にした {questions}は除外)</translation>
    </message>
    <message>
        <source>Export my progress for the trainer</source>
        <translation>トレーナー用に自分の進捗をエクスポート</translation>
    </message>
    <message>
        <source>Progress file (*.db)</source>
        <translation>進捗ファイル (*.db)</translation>
    </message>
    <message>
        <source>Exporting your progress</source>
        <translation>進捗のエクスポート</translation>
    </message>
    <message>
        <source>Saved your progress for the trainer to {file}</source>
        <translation>トレーナー用の進捗を {file} に保存しました</translation>
    </message>
    <message>
        <source>Presenter mode leaves out {questions} you suspended</source>
        <translation>プレゼンターモードでは、保留にした {questions}を除外します</translation>
    </message>
    <message>
        <source>This pack cannot be edited here</source>
        <translation>このパックはここでは編集できません</translation>
    </message>
    <message>
        <source>Saved and imported again</source>
        <translation>保存して再インポートしました</translation>
    </message>
    <message>
        <source>Answer taken back: it no longer counts. Answer the question again.</source>
        <translation>解答を取り消しました。この解答は記録されません。もう一度答えてください。</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>言語(&amp;G)</translation>
    </message>
    <message>
        <source>System default ({language})</source>
        <translation>システムの既定 ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The interface will be in {language} from the next start. Restart Briefing Quiz now? Your progress is saved either way.</source>
        <translation>次回の起動から表示言語が {language} になります。今すぐ Briefing Quiz を再起動しますか? どちらを選んでも進捗は保存されています。</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>今すぐ再起動(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>後で(&amp;L)</translation>
    </message>
    <message>
        <source>No chart</source>
        <translation>グラフがありません</translation>
    </message>
    <message>
        <source>This briefing has no chart to export.</source>
        <translation>このブリーフィングにはエクスポートできるグラフがありません。</translation>
    </message>
    <message>
        <source>Export chart as {format}</source>
        <translation>グラフを {format} でエクスポート</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>{file} を保存しました</translation>
    </message>
    <message>
        <source>Could not save {file}</source>
        <translation>{file} を保存できませんでした</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} について</translation>
    </message>
    <message>
        <source>{app}

Pack: {pack}
Source: {source}</source>
        <translation>{app}

パック: {pack}
出典: {source}</translation>
    </message>
</context>
<context>
    <name>ui.messages</name>
    <message>
        <source>Could not write {file}: {folder} is a file, not a folder.</source>
        <translation>{file} に書き込めませんでした: {folder} はフォルダーではなくファイルです。</translation>
    </message>
    <message>
        <source>Could not write {file}: the folder {folder} does not exist. Choose a folder that exists, or create it first.</source>
        <translation>{file} に書き込めませんでした: フォルダー {folder} が存在しません。存在するフォルダーを選ぶか、先にフォルダーを作成してください。</translation>
    </message>
    <message>
        <source>Could not write {file}: you may not write in the folder {folder}. Choose another folder.</source>
        <translation>{file} に書き込めませんでした: フォルダー {folder} への書き込み権限がありません。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>{file} に書き込めませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>ui.operations</name>
    <message>
        <source>Nothing to ask</source>
        <translation>出題できる問題がありません</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>取り消せるものがありません</translation>
    </message>
    <message>
        <source>Exam code</source>
        <translation>試験コード</translation>
    </message>
    <message>
        <source>{what}: not done</source>
        <translation>{what}: 実行されませんでした</translation>
    </message>
    <message>
        <source>{what} could not be done: {reason}. Everything saved before is safe.</source>
        <translation>{what}を実行できませんでした: {reason}。それまでに保存した内容は失われていません。</translation>
    </message>
</context>
<context>
    <name>ui.packs</name>
    <message>
        <source>Checking the pack and copying it into the library</source>
        <extracomment>:data:`app.workspace.IMPORT_STEPS` (English, from the Qt-free core), marked here to be translated where shown.</extracomment>
        <translation>パックを検査してライブラリにコピーしています</translation>
    </message>
    <message>
        <source>Storing the content</source>
        <translation>内容を保存しています</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Import briefing pack</source>
        <translation>ブリーフィングパックのインポート</translation>
    </message>
    <message>
        <source>Importing {folder}…</source>
        <translation>{folder} をインポートしています…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>インポートの進行状況</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop the import; nothing is imported</source>
        <translation>インポートを中止します。何もインポートされません</translation>
    </message>
    <message>
        <source>Pack not imported</source>
        <translation>パックはインポートされませんでした</translation>
    </message>
    <message>
        <source>{folder} was not imported: %n problem found. Nothing was changed. Fix this in the pack&apos;s files and import it again.</source>
        <translation>{folder} はインポートされませんでした: 問題が %n 件見つかりました。何も変更されていません。パックのファイルを修正して、もう一度インポートしてください。</translation>
    </message>
    <message>
        <source>{folder} was not imported: %n problems found. Nothing was changed. Fix these in the pack&apos;s files and import it again.</source>
        <translation>{folder} はインポートされませんでした: 問題が %n 件見つかりました。何も変更されていません。パックのファイルを修正して、もう一度インポートしてください。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題点</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題点</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>すべてコピー(&amp;C)</translation>
    </message>
    <message>
        <source>{folder}: almost done; it can no longer be cancelled…</source>
        <translation>{folder}: まもなく完了します。もう中止できません…</translation>
    </message>
    <message>
        <source>{folder}: cancelling…</source>
        <translation>{folder}: 中止しています…</translation>
    </message>
    <message>
        <source>{folder}: {step}…</source>
        <translation>{folder}: {step}…</translation>
    </message>
    <message>
        <source>the import stopped unexpectedly; nothing was imported</source>
        <translation>インポートが予期せず停止しました。何もインポートされていません</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>インポートに失敗しました</translation>
    </message>
    <message>
        <source>{folder} was not imported: {reason}. Nothing was changed.</source>
        <translation>{folder} はインポートされませんでした: {reason}。何も変更されていません。</translation>
    </message>
</context>
<context>
    <name>ui.pdf</name>
    <message>
        <source>nothing could be written to {file}</source>
        <translation>{file} に何も書き込めませんでした</translation>
    </message>
</context>
<context>
    <name>ui.safety</name>
    <message>
        <source>SQLite found problems in your progress database:

{findings}

Use File → Restore a backup… to go back to a good copy.</source>
        <translation>SQLite が進捗データベースに問題を見つけました:

{findings}

正常なコピーに戻すには、ファイル → バックアップを復元… を使ってください。</translation>
    </message>
    <message>
        <source>&amp;Back up progress now</source>
        <translation>今すぐ進捗をバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>バックアップを復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Export progress as &amp;CSV…</source>
        <translation>進捗を CSV でエクスポート(&amp;C)…</translation>
    </message>
    <message>
        <source>Export progress as &amp;JSON…</source>
        <translation>進捗を JSON でエクスポート(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>データベースを検査(&amp;C)</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>自動バックアップに失敗しました: {reason}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>バックアップに失敗しました</translation>
    </message>
    <message>
        <source>No backup was made. {reason}</source>
        <translation>バックアップは作成されませんでした。{reason}</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>{file} にバックアップしました</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>バックアップを復元</translation>
    </message>
    <message>
        <source>There are no backups yet in {folder}.</source>
        <translation>{folder} にはまだバックアップがありません。</translation>
    </message>
    <message>
        <source>{taken} — {answers} answers</source>
        <translation>{taken} — 解答 {answers} 件</translation>
    </message>
    <message>
        <source>Replace your progress with this backup
(your current progress is kept aside, not deleted):</source>
        <translation>進捗をこのバックアップで置き換えます
(現在の進捗は削除されず、別に保管されます):</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>復元に失敗しました</translation>
    </message>
    <message>
        <source>The backup from {taken} was not restored. {reason}</source>
        <translation>{taken} のバックアップは復元されませんでした。{reason}</translation>
    </message>
    <message>
        <source>Restored the backup from {taken}.</source>
        <translation>{taken} のバックアップを復元しました。</translation>
    </message>
    <message>
        <source>Your previous progress file was kept as {file}.</source>
        <translation>以前の進捗ファイルは {file} として保管されています。</translation>
    </message>
    <message>
        <source>Export progress as {format}</source>
        <translation>進捗を {format} でエクスポート</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>{file} に書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>Exported %n answer to {file}</source>
        <translation>%n 件の解答を {file} にエクスポートしました</translation>
    </message>
    <message>
        <source>Exported %n answers to {file}</source>
        <translation>%n 件の解答を {file} にエクスポートしました</translation>
    </message>
    <message>
        <source>newest backup {taken}</source>
        <translation>最新のバックアップ {taken}</translation>
    </message>
    <message>
        <source>no backups yet</source>
        <translation>バックアップはまだありません</translation>
    </message>
    <message>
        <source>Your progress database is healthy.

{answers} answers recorded; {backups} backups ({newest}).
File: {file}</source>
        <translation>進捗データベースは正常です。

記録された解答 {answers} 件、バックアップ {backups} 件 ({newest})。
ファイル: {file}</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>データベースの検査</translation>
    </message>
    <message>
        <source>Your progress file is damaged</source>
        <translation>進捗ファイルが破損しています</translation>
    </message>
    <message>
        <source>Your progress</source>
        <translation>進捗について</translation>
    </message>
    <message>
        <source>The damaged file was not deleted; it was moved to:
{files}</source>
        <translation>破損したファイルは削除せず、次の場所に移動しました:
{files}</translation>
    </message>
    <message>
        <source>Your progress file was damaged</source>
        <translation>進捗ファイルが破損していました</translation>
    </message>
    <message>
        <source>The left-over journal was not deleted; it was moved to:
{files}</source>
        <translation>残っていたジャーナルは削除せず、次の場所に移動しました:
{files}</translation>
    </message>
    <message>
        <source>Your progress file was missing</source>
        <translation>進捗ファイルが見つかりませんでした</translation>
    </message>
    <message>
        <source>{answers} answers could be read back from the left-over journal. Restore them now? Otherwise you start with empty progress (File → Restore a backup… offers the backups).</source>
        <translation>残っていたジャーナルから {answers} 件の解答を読み戻せました。今すぐ復元しますか? 復元しない場合は、進捗が空の状態で始まります (ファイル → バックアップを復元… からバックアップを選べます)。</translation>
    </message>
    <message>
        <source>The newest good backup is from {taken} ({answers} answers). Restore it now? Otherwise you start with empty progress; the backup is kept, and File → Restore a backup… offers it later.</source>
        <translation>最新の正常なバックアップは {taken} のものです (解答 {answers} 件)。今すぐ復元しますか? 復元しない場合は、進捗が空の状態で始まります。バックアップは残り、後で ファイル → バックアップを復元… から復元できます。</translation>
    </message>
    <message>
        <source>&amp;Restore answers</source>
        <translation>解答を復元(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Restore backup</source>
        <translation>バックアップを復元(&amp;R)</translation>
    </message>
    <message>
        <source>Start &amp;fresh</source>
        <translation>新しく始める(&amp;F)</translation>
    </message>
    <message>
        <source>There is no backup to restore, so you start with empty progress.</source>
        <translation>復元できるバックアップがないため、進捗が空の状態で始まります。</translation>
    </message>
</context>
<context>
    <name>ui.shortcuts</name>
    <message>
        <source>Quiz</source>
        <translation>クイズ</translation>
    </message>
    <message>
        <source>choose an option (or tick one, or pick a row&apos;s column)</source>
        <translation>選択肢を選ぶ (またはチェックを付ける、行の列を選ぶ)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>submit the answer; on the feedback, continue</source>
        <translation>解答を送信。フィードバックでは次へ進む</translation>
    </message>
    <message>
        <source>move the selected item (ordering questions)</source>
        <translation>選択した項目を移動 (並べ替え問題)</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>フィードバック</translation>
    </message>
    <message>
        <source>rate how well you knew it: Again, Hard, Good, Easy</source>
        <translation>どれだけ覚えていたかを評価: もう一度、難しい、普通、簡単</translation>
    </message>
    <message>
        <source>read the section in the briefing</source>
        <translation>ブリーフィングの該当セクションを読む</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <source>edit the figure or glossary term whose card has the focus</source>
        <translation>フォーカスのあるカードの数値または用語を編集</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表</translation>
    </message>
    <message>
        <source>arrow keys</source>
        <translation>矢印キー</translation>
    </message>
    <message>
        <source>move inside a table (Tab leaves it)</source>
        <translation>表の中を移動 (Tab で表から出る)</translation>
    </message>
    <message>
        <source>Presenter mode</source>
        <translation>プレゼンターモード</translation>
    </message>
    <message>
        <source>← / → (Page Up / Page Down)</source>
        <translation>← / → (Page Up / Page Down)</translation>
    </message>
    <message>
        <source>step back / on</source>
        <translation>前へ / 次へ</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>reveal the answer, then move on</source>
        <translation>答えを表示し、次へ進む</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
</context>
</TS>
