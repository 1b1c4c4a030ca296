<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgreementView</name>
    <message numerus="yes">
        <source>Computing agreement (%n bootstrap resample(s))…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotateView</name>
    <message numerus="yes">
        <source>All %n item(s) in your queue are done. Thank you!</source>
        <translation>
            <numerusform>The one item in your queue is done. Thank you!</numerusform>
            <numerusform>All %n items in your queue are done. Thank you!</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemBrowserView</name>
    <message numerus="yes">
        <source>%n item(s) (%1 ms)</source>
        <translation>
            <numerusform>%n item (%1 ms)</numerusform>
            <numerusform>%n items (%1 ms)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First %n item(s) shown; counting the rest… (%1 ms)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KappaHeatTable</name>
    <message numerus="yes">
        <source>%1 and %2: %n shared item(s)</source>
        <translation>
            <numerusform>%1 and %2: %n shared item</numerusform>
            <numerusform>%1 and %2: %n shared items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RewriteEditor</name>
    <message numerus="yes">
        <source>%n word(s) removed</source>
        <translation>
            <numerusform>%n word removed</numerusform>
            <numerusform>%n words removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) added</source>
        <translation>
            <numerusform>%n word added</numerusform>
            <numerusform>%n words added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutingDialog</name>
    <message numerus="yes">
        <source>Saved; %n item(s) routed now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message numerus="yes">
        <source>%n candidate biased word(s), underlined with dots in the text</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaxonomyEditorDialog</name>
    <message numerus="yes">
        <source>%n field(s) added</source>
        <translation>
            <numerusform>%n field added</numerusform>
            <numerusform>%n fields added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) added</source>
        <translation>
            <numerusform>%n value added</numerusform>
            <numerusform>%n values added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) removed or renamed</source>
        <translation>
            <numerusform>%n value removed or renamed</numerusform>
            <numerusform>%n values removed or renamed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) reworded</source>
        <translation>
            <numerusform>%n field reworded</numerusform>
            <numerusform>%n fields reworded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value mapping(s) recorded</source>
        <translation>
            <numerusform>%n value mapping recorded</numerusform>
            <numerusform>%n value mappings recorded</numerusform>
        </translation>
    </message>
</context>
</TS>
