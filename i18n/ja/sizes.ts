<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>ui.briefing</name>
    <message>
        <source>{title}, read</source>
        <translation>{title}、既読</translation>
    </message>
    <message>
        <source>Read: {title}</source>
        <translation>既読: {title}</translation>
    </message>
</context>
<context>
    <name>ui.progress.charts</name>
    <message>
        <source>Nothing to show yet.</source>
        <translation>まだ表示するデータがありません。</translation>
    </message>
</context>
</TS>
