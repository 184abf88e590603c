<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>content.amounts</name>
    <message>
        <source>~{amount}</source>
        <extracomment>An amount as the article states it: about, or a bound (&quot;&quot; is an exact amount, shown as is).</extracomment>
        <translation>約{amount}</translation>
    </message>
    <message>
        <source>more than {amount}</source>
        <translation>{amount}超</translation>
    </message>
    <message>
        <source>less than {amount}</source>
        <translation>{amount}未満</translation>
    </message>
    <message>
        <source>at least {amount}</source>
        <translation>{amount}以上</translation>
    </message>
    <message>
        <source>at most {amount}</source>
        <translation>{amount}以下</translation>
    </message>
    <message>
        <source>up to {amount}</source>
        <translation>最大{amount}</translation>
    </message>
</context>
<context>
    <name>content.briefing</name>
    <message>
        <source>outlet not named in the article</source>
        <extracomment>Scale words of an axis, largest first, per way of writing units (content.units.Unit.script). The briefing&apos;s own words, in the pack&apos;s language (content.phrases; i18n/&lt;language&gt;/questions.ts).</extracomment>
        <translation>記事に媒体名の記載なし</translation>
    </message>
    <message>
        <source>Outlet not named in the article</source>
        <translation>記事に媒体名の記載なし</translation>
    </message>
    <message>
        <source>{title} ({unit})</source>
        <translation>{title}（{unit}）</translation>
    </message>
    <message>
        <source>Today ({date})</source>
        <translation>今日（{date}）</translation>
    </message>
    <message>
        <source>You are reading the briefing.</source>
        <translation>このブリーフィングを読んでいるところです。</translation>
    </message>
    <message>
        <source>Two outlets, two measures: {first} gives {first_amount} for “{first_label}”; {second} gives {second_amount} for “{second_label}”. They differ in what they measure, so they are not one total reported twice.</source>
        <translation>二つの媒体、二つの指標：{first}は「{first_label}」を{first_amount}、{second}は「{second_label}」を{second_amount}としています。測っている対象が異なるため、同じ総額を二度報じたものではありません。</translation>
    </message>
    <message>
        <source>The reports differ: {first} gives {first_amount}, {second} gives {second_amount} for {year}. Both are shown.</source>
        <translation>報道の数値が異なります：{year}年について、{first}は{first_amount}、{second}は{second_amount}としています。両方を示します。</translation>
    </message>
</context>
<context>
    <name>content.handout.words</name>
    <message>
        <source>Source: {source}</source>
        <translation>出典: {source}</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>印刷日: {date}</translation>
    </message>
    <message>
        <source>exam code {code}</source>
        <translation>試験コード {code}</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>{page} / {pages} ページ</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Between the items of a list written in a sentence (&quot;Nikkei, Reuters&quot;).</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <source>Figures in this section</source>
        <translation>この節の数値</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
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
        <source>The article: {citation}</source>
        <translation>記事: {citation}</translation>
    </message>
    <message>
        <source>… and {count} more figures from {outlet}.</source>
        <translation>…ほかに{outlet}の数値が{count}件あります。</translation>
    </message>
    <message>
        <source>Reported by {outlets}.</source>
        <translation>{outlets}の報道。</translation>
    </message>
    <message>
        <source> Sources: {outlets}.</source>
        <extracomment>After the caption (its leading space belongs to English: Japanese runs the sentences on).</extracomment>
        <translation>出典: {outlets}。</translation>
    </message>
    <message>
        <source>{count} smaller figures of this group are not charted.</source>
        <translation>このグループの小さな数値{count}件はグラフに含めていません。</translation>
    </message>
    <message>
        <source>{title} ({part} of {parts})</source>
        <translation>{title}（{part}/{parts}）</translation>
    </message>
    <message>
        <source>{caption} Drawn as {count} charts so the smaller amounts stay visible: compare bars within one chart only.</source>
        <translation>{caption}小さな数値も見えるよう{count}つのグラフに分けています。棒は同じグラフの中でのみ比べてください。</translation>
    </message>
    <message>
        <source>reported by {outlet}</source>
        <translation>{outlet}の報道</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>next checkpoint</source>
        <translation>次のチェックポイント</translation>
    </message>
    <message>
        <source>(has happened)</source>
        <translation>（実施済み）</translation>
    </message>
    <message>
        <source>(date now past: the article had it ahead)</source>
        <translation>（日付は経過済み。記事の時点では予定）</translation>
    </message>
    <message>
        <source>In words: {text}</source>
        <translation>グラフの内容: {text}</translation>
    </message>
    <message>
        <source>Bar chart, linear scale from {zero} ({axis}). {bars}.</source>
        <translation>横棒グラフ、目盛は{zero}から始まる等間隔（{axis}）。{bars}。</translation>
    </message>
    <message>
        <source>{label}: {amount} ({outlet})</source>
        <translation>{label}: {amount}（{outlet}）</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Between the bars of a chart in words.</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>(chart, linear scale from {zero}, {axis})</source>
        <translation>（グラフ、目盛は{zero}から始まる等間隔、{axis}）</translation>
    </message>
    <message>
        <source>Chart, linear scale from {zero} ({axis}):</source>
        <translation>グラフ、目盛は{zero}から始まる等間隔（{axis}）:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>What</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>報道元</translation>
    </message>
    <message>
        <source>One-page brief</source>
        <translation>1 ページの要約</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要な数値</translation>
    </message>
    <message>
        <source>{count} more figures are in the briefing.</source>
        <translation>ほかに{count}件の数値がブリーフィングにあります。</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>今後の注目点</translation>
    </message>
    <message>
        <source>Left out to fit one page: {parts}.</source>
        <extracomment>What the brief left out to fit one page, as the export says it (the parts are named in the pack&apos;s language).</extracomment>
        <translation>1 ページに収めるため省略: {parts}。</translation>
    </message>
    <message>
        <source>the summary</source>
        <translation>要約</translation>
    </message>
    <message>
        <source>the figure {amount} ({label})</source>
        <translation>数値 {amount}（{label}）</translation>
    </message>
    <message>
        <source>the table {title}</source>
        <translation>表「{title}」</translation>
    </message>
    <message>
        <source>what to watch</source>
        <translation>今後の注目点</translation>
    </message>
    <message>
        <source>the list {title}</source>
        <translation>リスト「{title}」</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>文</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>記号</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>Answer: {line}</source>
        <translation>解答: {line}</translation>
    </message>
</context>
<context>
    <name>content.numerals</name>
    <message>
        <source>“{text}” is ambiguous: {pair} written side by side usually means “{a} or {b}”; write the number with digits or with units (二十三 for 23)</source>
        <translation>「{text}」は読み方が一つに決まりません。{pair}と並べると、ふつうは「{a}か{b}」の意味になります。算用数字か単位を使って書いてください（23なら二十三）</translation>
    </message>
    <message>
        <source>“{text}” mixes digits and kanji numerals; write it one way (350兆 or 三百五十兆)</source>
        <translation>「{text}」は算用数字と漢数字が混ざっています。どちらか一方で書いてください（350兆または三百五十兆）</translation>
    </message>
    <message>
        <source>“{text}” writes a decimal before a smaller unit; write 1.5兆 or 1兆5000億, not both</source>
        <translation>「{text}」は小数のあとに小さい単位が続いています。1.5兆か1兆5000億のどちらかで書いてください</translation>
    </message>
    <message>
        <source>“{text}” has its units out of order ({unit} after a smaller or equal unit)</source>
        <translation>「{text}」は単位の順序が正しくありません（{unit}が同じか小さい単位のあとにあります）</translation>
    </message>
    <message>
        <source>“{text}” has two units in a row</source>
        <translation>「{text}」は単位が二つ続いています</translation>
    </message>
    <message>
        <source>“{text}” has its units out of order</source>
        <translation>「{text}」は単位の順序が正しくありません</translation>
    </message>
    <message>
        <source>“{text}” has a unit with no number before it</source>
        <translation>「{text}」には数字の付いていない単位があります</translation>
    </message>
</context>
<context>
    <name>content.validate</name>
    <message>
        <source>missing required field</source>
        <extracomment>Lists of strings that are written text (every number in them must be in the source). Fields the briefing page lays out as text all at once (see MAX_BRIEFING_TEXT_CHARS). Nesting the format itself uses: pack → [[tables]] → table → [[tables.rows]] → row → cells. The most common problems, as templates the interface translates (Problem.template; content.problems).</extracomment>
        <translation>必須の項目がありません</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>空にはできません</translation>
    </message>
    <message>
        <source>unknown field (allowed: {allowed})</source>
        <translation>不明な項目です（使える項目: {allowed}）</translation>
    </message>
    <message>
        <source>duplicate id {ident} (first used at {first})</source>
        <translation>ID {ident} が重複しています（最初の使用箇所: {first}）</translation>
    </message>
    <message>
        <source>refers to unknown id {target} in [[{collection}]]</source>
        <translation>[[{collection}]] にない ID {target} を参照しています</translation>
    </message>
    <message>
        <source>refers to unknown id {target} in this pack</source>
        <translation>このパックにない ID {target} を参照しています</translation>
    </message>
</context>
<context>
    <name>quiz.generate</name>
    <message>
        <source>more than</source>
        <extracomment>A bound named alone, as a note quotes it (&quot;The article gives “more than”…&quot;).</extracomment>
        <translation>超</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>未満</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>以上</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>以下</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>{label} ({year})</source>
        <translation>{label}（{year}年）</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <extracomment>Two sentences one after the other (Japanese writes no space after 。).</extracomment>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separators of a list of items, of two or more names (&quot;A and B&quot;), of a row&apos;s cells.</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source> and </source>
        <translation>と</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message>
        <source>{source} gives {subject} as {amount}.</source>
        <translation>{source}によると、{subject}は{amount}です。</translation>
    </message>
    <message>
        <source>That is {subject}.</source>
        <translation>これは{subject}の数字です。</translation>
    </message>
    <message>
        <source>That is {subject}, given by {source}.</source>
        <translation>これは{source}が伝える{subject}の数字です。</translation>
    </message>
    <message>
        <source>{amount} is {subject}.</source>
        <translation>{amount}は{subject}の数字です。</translation>
    </message>
    <message>
        <source>{amount} is {subject}, given by {source}.</source>
        <translation>{amount}は{source}が伝える{subject}の数字です。</translation>
    </message>
    <message>
        <source>What figure does {source} give for {subject}?</source>
        <translation>{source}によると、{subject}はどれだけですか。</translation>
    </message>
    <message>
        <source>The article gives the amount itself, not a bound.</source>
        <translation>記事の数字は範囲ではなく、その数字そのものです。</translation>
    </message>
    <message>
        <source>The article gives a bound (“{bound}”), not an amount.</source>
        <translation>記事の数字は「{bound}」のつく範囲で、特定の数字ではありません。</translation>
    </message>
    <message>
        <source>The article says {amount}; “{option}” is a different claim.</source>
        <translation>記事は{amount}としています。「{option}」は別の内容です。</translation>
    </message>
    <message>
        <source>{question} Answer in {unit}.</source>
        <translation>{question}{unit}単位で答えてください。</translation>
    </message>
    <message>
        <source>The article gives an approximate amount, so answers within 5% count.</source>
        <translation>記事の数字はおおよその値なので、5%以内の差は正解とします。</translation>
    </message>
    <message>
        <source>Who gives {subject} as {amount}?</source>
        <translation>{subject}を{amount}と伝えている情報源はどれですか。</translation>
    </message>
    <message>
        <source>True or false: {source} gives {subject} as {amount}.</source>
        <translation>正しいか誤りか：{source}によると、{subject}は{amount}である。</translation>
    </message>
    <message>
        <source>True. {statement}</source>
        <translation>正しい。{statement}</translation>
    </message>
    <message>
        <source>False. {statement} {why}</source>
        <translation>誤り。{statement}{why}</translation>
    </message>
    <message>
        <source>The article gives “{bound}”, a different bound from “{other}”.</source>
        <translation>記事は「{bound}」としており、「{other}」とは範囲が違います。</translation>
    </message>
    <message>
        <source>Fill in the blank with the source: “{text}”</source>
        <translation>空欄に入る情報源を答えてください：「{text}」</translation>
    </message>
    <message>
        <source>{source} gives no figure in the article.</source>
        <translation>{source}は記事の中で数字を伝えていません。</translation>
    </message>
    <message>
        <source>{source} gives {figures}.</source>
        <translation>{source}が伝える数字：{figures}。</translation>
    </message>
    <message>
        <source>{subject}, {amount}</source>
        <translation>{subject}は{amount}</translation>
    </message>
    <message>
        <source>Which term does the briefing define this way? “{definition}”</source>
        <translation>この説明に当てはまる用語はどれですか。「{definition}」</translation>
    </message>
    <message>
        <source>Fill in the blank: “{text}”</source>
        <translation>空欄に入る語句を答えてください：「{text}」</translation>
    </message>
    <message>
        <source>{title}: which one matches this description? {detail}</source>
        <translation>{title}：次の説明に当てはまるのはどれですか。「{detail}」</translation>
    </message>
    <message>
        <source>{name} is also in the article&apos;s list, but the article does not describe it this way.</source>
        <translation>{name}も記事の一覧にありますが、記事はこのようには説明していません。</translation>
    </message>
    <message>
        <source>{title}: put each entry under the column it belongs to.</source>
        <translation>{title}：各項目を当てはまる列に分けてください。</translation>
    </message>
    <message>
        <source>The article&apos;s table sets {columns} side by side, {header} by {header}: {rows}.</source>
        <translation>記事の表は{header}ごとに{columns}を並べています。{header}別の内容：{rows}。</translation>
    </message>
    <message>
        <source> / </source>
        <translation>／</translation>
    </message>
    <message>
        <source>{title}: match each {header} to its {column}.</source>
        <translation>{title}：それぞれの{header}に対応する{column}を選んでください。</translation>
    </message>
    <message>
        <source>The article&apos;s table gives: {pairs}.</source>
        <translation>記事の表の内容：{pairs}。</translation>
    </message>
    <message>
        <source>{left} → {right}</source>
        <translation>{left} → {right}</translation>
    </message>
    <message>
        <source>True or false: {statement}</source>
        <translation>正しいか誤りか：{statement}</translation>
    </message>
    <message>
        <source>True. The article says so: {statement}</source>
        <translation>正しい。記事にそう書かれています：{statement}</translation>
    </message>
    <message>
        <source>False. What the article says: {statement}</source>
        <translation>誤り。記事に書かれているのは次のとおりです：{statement}</translation>
    </message>
    <message>
        <source>Which of these statements does the article make?</source>
        <translation>記事の内容と合っているのはどれですか。</translation>
    </message>
    <message>
        <source>The article says: {statement}</source>
        <translation>記事の記述：{statement}</translation>
    </message>
    <message>
        <source>Not what the article says. It says: {statement}</source>
        <translation>記事の内容とは違います。記事の記述：{statement}</translation>
    </message>
    <message>
        <source>Put these in the order they happen, earliest first.</source>
        <translation>起きる順に、早いものから並べてください。</translation>
    </message>
    <message>
        <source>From earliest to latest: {steps}.</source>
        <translation>早い順：{steps}。</translation>
    </message>
    <message>
        <source>{label} ({when})</source>
        <translation>{label}（{when}）</translation>
    </message>
    <message>
        <source> → </source>
        <translation> → </translation>
    </message>
    <message>
        <source>The answer is {answer}, as the article says.</source>
        <translation>記事のとおり、正解は{answer}です。</translation>
    </message>
</context>
<context>
    <name>quiz.grade</name>
    <message>
        <source>Correct</source>
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
        <source>True</source>
        <translation>正しい</translation>
    </message>
    <message>
        <source>False</source>
        <translation>誤り</translation>
    </message>
    <message>
        <source>Each option belongs to one row only: a repeated choice earns nothing.</source>
        <translation>各選択肢は一つの行にしか使えません。重複して選んだ行は得点になりません。</translation>
    </message>
    <message>
        <source>Accepted within ±{tolerance}.</source>
        <translation>±{tolerance}以内なので正解とします。</translation>
    </message>
</context>
<context>
    <name>quiz.numbers</name>
    <message>
        <source>That is not a number the app can read: {problem}.</source>
        <translation>読み取れない数字です：{problem}。</translation>
    </message>
    <message>
        <source>That is not a number.</source>
        <translation>数字ではありません。</translation>
    </message>
    <message>
        <source>plain numbers</source>
        <translation>単位なしの数字</translation>
    </message>
    <message>
        <source>The question asks in {unit}, not in {currency}.</source>
        <translation>この問題は{unit}で答えます。{currency}ではありません。</translation>
    </message>
    <message>
        <source>The question asks in {unit}; {token} is another currency ({currency}).</source>
        <extracomment>{unit}: the currency asked (JPY); {token}: the learner&apos;s word, quoted; {currency}: its currency (USD).</extracomment>
        <translation>この問題の通貨は{unit}です。{token}は別の通貨（{currency}）です。</translation>
    </message>
    <message>
        <source>The question asks in {unit}; {token} is another unit.</source>
        <translation>この問題は{unit}で答えます。{token}は別の単位です。</translation>
    </message>
    <message>
        <source>&apos;{word}&apos;</source>
        <extracomment>A word the learner typed, quoted in a message (&apos;trees&apos;, 「本」).</extracomment>
        <translation>「{word}」</translation>
    </message>
</context>
<context>
    <name>quiz.paper</name>
    <message>
        <source>The same code with the same choice prints these questions again; the app&apos;s Exam with this code asks from every topic and kind.</source>
        <extracomment>An exam code does not hold a choice of topics or kinds: said on a narrowed sheet and its key.</extracomment>
        <translation>同じコードと同じ選択で、これらの問題をもう一度印刷できます。アプリの試験でこのコードを使うと、すべてのトピックと形式から出題されます。</translation>
    </message>
    <message>
        <source>1st</source>
        <extracomment>The sheet&apos;s and the key&apos;s own words, in the pack&apos;s language (quiz.phrases; i18n/&lt;language&gt;/questions.ts).</extracomment>
        <translation>1番目</translation>
    </message>
    <message>
        <source>2nd</source>
        <translation>2番目</translation>
    </message>
    <message>
        <source>3rd</source>
        <translation>3番目</translation>
    </message>
    <message>
        <source>{n}th</source>
        <translation>{n}番目</translation>
    </message>
    <message>
        <source>topics: {topics}</source>
        <translation>トピック: {topics}</translation>
    </message>
    <message>
        <source>kinds: {kinds}</source>
        <translation>形式: {kinds}</translation>
    </message>
    <message>
        <source>choice</source>
        <extracomment>The kinds as a narrowed sheet names them (English: their ids, as chosen).</extracomment>
        <translation>多肢選択</translation>
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
        <source>Tick one box.</source>
        <translation>一つの□に印を付けてください。</translation>
    </message>
    <message>
        <source>Tick every option that applies.</source>
        <translation>当てはまるものすべてに印を付けてください。</translation>
    </message>
    <message>
        <source>Write the number.</source>
        <translation>数値を書いてください。</translation>
    </message>
    <message>
        <source>Write your answer.</source>
        <translation>答えを書いてください。</translation>
    </message>
    <message>
        <source>Number the items from 1 to {count} in the order asked (1 for the first).</source>
        <translation>問われている順に、1 から {count} までの番号を書いてください（最初が 1）。</translation>
    </message>
    <message>
        <source>Write the letter of the matching answer in the box beside each item.</source>
        <translation>各項目の横の□に、対応する答えの記号を書いてください。</translation>
    </message>
    <message>
        <source>Write the letter of the matching answer in the box beside each item. An answer may be used more than once.</source>
        <translation>各項目の横の□に、対応する答えの記号を書いてください。同じ答えを複数回使うこともできます。</translation>
    </message>
    <message>
        <source>Tick one category for each statement.</source>
        <translation>各文について、当てはまる分類に一つ印を付けてください。</translation>
    </message>
    <message>
        <source>{answer} (accepted within ±{tolerance})</source>
        <translation>{answer}（±{tolerance} の範囲で正解）</translation>
    </message>
    <message>
        <source>{answer} (also accepted: {accepted})</source>
        <translation>{answer}（別解: {accepted}）</translation>
    </message>
    <message>
        <source>Boxes from top to bottom: {boxes}</source>
        <translation>上の□から順に: {boxes}</translation>
    </message>
    <message>
        <source>Name: ______________________________    Date: ________________</source>
        <translation>氏名: ______________________________    日付: ________________</translation>
    </message>
    <message>
        <source>{count} questions. Answer on this sheet with a pen. The answer key with exam code {code} has the answers.</source>
        <translation>全 {count} 問。この用紙にペンで答えてください。解答は試験コード {code} の解答にあります。</translation>
    </message>
    <message>
        <source>Chosen {choice}. {narrowed}</source>
        <translation>選択 — {choice}。{narrowed}</translation>
    </message>
    <message>
        <source>Quiz: {title}</source>
        <translation>クイズ: {title}</translation>
    </message>
    <message>
        <source>Question sheet</source>
        <translation>問題用紙</translation>
    </message>
    <message>
        <source>Answers to the question sheet with exam code {code}, in its order. The quotes are the article&apos;s, with the outlet it names.</source>
        <translation>試験コード {code} の問題用紙の解答です（問題の順）。引用は記事からのもので、記事が挙げる媒体名を添えています。</translation>
    </message>
    <message>
        <source>{explanation} True version: {correction}</source>
        <translation>{explanation}正しくは：{correction}</translation>
    </message>
    <message>
        <source>Answer key: {title}</source>
        <translation>解答: {title}</translation>
    </message>
    <message>
        <source>Answer key — keep it apart from the sheets</source>
        <translation>解答 — 問題用紙とは別に保管してください</translation>
    </message>
</context>
<context>
    <name>quiz.questions</name>
    <message>
        <source>“{quote}” — {source}</source>
        <translation>「{quote}」— {source}</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>True. </source>
        <extracomment>How a true/false explanation starts (quiz.generate&apos;s &quot;True. {statement}&quot;): the verdict, which feedback says first.</extracomment>
        <translation>正しい。</translation>
    </message>
    <message>
        <source>False. </source>
        <translation>誤り。</translation>
    </message>
</context>
<context>
    <name>quiz.slides</name>
    <message>
        <source>Reported by {outlet}</source>
        <translation>{outlet}の報道</translation>
    </message>
    <message>
        <source>Stated in the article</source>
        <translation>記事の記述</translation>
    </message>
    <message>
        <source>{label} ({year})</source>
        <translation>{label}（{year}年）</translation>
    </message>
    <message>
        <source>Scenario: {text}</source>
        <translation>事例：{text}</translation>
    </message>
    <message>
        <source>all that apply</source>
        <translation>すべて選</translation>
    </message>
    <message>
        <source>Select all that apply.</source>
        <translation>当てはまるものをすべて選んでください。</translation>
    </message>
    <message>
        <source>Categories: {names}</source>
        <translation>分類：{names}</translation>
    </message>
    <message>
        <source> · </source>
        <translation>・</translation>
    </message>
    <message>
        <source>True or false?</source>
        <translation>正しいか、誤りか？</translation>
    </message>
    <message>
        <source>Answer in {unit}</source>
        <translation>{unit}単位で答えてください</translation>
    </message>
    <message>
        <source>Give a number</source>
        <translation>数字で答えてください</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <source>Source: {title}</source>
        <translation>出典：{title}</translation>
    </message>
</context>
</TS>
