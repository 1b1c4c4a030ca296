<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgreementView</name>
    <message numerus="yes">
        <source>Computing agreement (%n bootstrap resample(s))…</source>
        <translation>
            <numerusform>Computing agreement (%n bootstrap resample)…</numerusform>
            <numerusform>Computing agreement (%n bootstrap resamples)…</numerusform>
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
    <name>EvaluateView</name>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n file written to %1.</numerusform>
            <numerusform>%n files written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s); runs: %1.</source>
        <translation>
            <numerusform>%n item; runs: %1.</numerusform>
            <numerusform>%n items; runs: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) behind the selection; double-click one to open it.</source>
        <translation>
            <numerusform>%n item behind the selection; double-click it to open it.</numerusform>
            <numerusform>%n items behind the selection; double-click one to open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n row to %1.</numerusform>
            <numerusform>Wrote %n rows to %1.</numerusform>
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
        <translation>
            <numerusform>First %n item shown; counting the rest… (%1 ms)</numerusform>
            <numerusform>First %n items shown; counting the rest… (%1 ms)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobEstimateText</name>
    <message numerus="yes">
        <source>weights: %n file(s), %1</source>
        <translation>
            <numerusform>weights: %n file, %1</numerusform>
            <numerusform>weights: %n files, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) cut to the max length.</source>
        <translation>
            <numerusform>%n record cut to the max length.</numerusform>
            <numerusform>%n records cut to the max length.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) skipped: the prompt alone fills the max length.</source>
        <translation>
            <numerusform>%n record skipped: the prompt alone fills the max length.</numerusform>
            <numerusform>%n records skipped: the prompt alone fills the max length.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobSetupForm</name>
    <message numerus="yes">
        <source>%1 (%n item(s))</source>
        <translation>
            <numerusform>%1 (%n item)</numerusform>
            <numerusform>%1 (%n items)</numerusform>
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
    <name>ReviewPackageActions</name>
    <message numerus="yes">
        <source>Package %1 for %2: %n comparison(s).</source>
        <translation>
            <numerusform>Package %1 for %2: %n comparison.</numerusform>
            <numerusform>Package %1 for %2: %n comparisons.</numerusform>
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
        <translation>
            <numerusform>Saved; %n item routed now.</numerusform>
            <numerusform>Saved; %n items routed now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunLogView</name>
    <message numerus="yes">
        <source>warning (%1, %n time(s), first at lines %2): %3</source>
        <translation>
            <numerusform>warning (%1, once, at line %2): %3</numerusform>
            <numerusform>warning (%1, %n times, first at lines %2): %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>warning (%1, %n time(s)): %2</source>
        <translation>
            <numerusform>warning (%1, once): %2</numerusform>
            <numerusform>warning (%1, %n times): %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunRecordView</name>
    <message numerus="yes">
        <source>%n record(s), %1</source>
        <translation>
            <numerusform>%n record, %1</numerusform>
            <numerusform>%n records, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message numerus="yes">
        <source>%n candidate biased word(s), underlined with dots in the text</source>
        <translation>
            <numerusform>%n candidate biased word, underlined with dots in the text</numerusform>
            <numerusform>%n candidate biased words, underlined with dots in the text</numerusform>
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
<context>
    <name>TrainingCharts</name>
    <message numerus="yes">
        <source>resumed %n time(s)</source>
        <translation>
            <numerusform>resumed once</numerusform>
            <numerusform>resumed %n times</numerusform>
        </translation>
    </message>
</context>
</TS>
