<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdjudicateView</name>
    <message>
        <source>&amp;Accept as gold</source>
        <translation>接受为金标准(&amp;A)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Disputed fields</source>
        <translation>有分歧的字段</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <source>Gold rewrite: pick an annotator&apos;s rewrite above, or write one</source>
        <translation>金标准改写:从上方选择一位标注者的改写,或自行撰写</translation>
    </message>
    <message>
        <source>Save these labels as expert gold and go to the next item (Ctrl+Return)</source>
        <translation>将这些标签保存为专家金标准并转到下一条目(Ctrl+Return)</translation>
    </message>
    <message>
        <source>Rewrites (click one to use it):</source>
        <translation>改写(点击以使用):</translation>
    </message>
    <message>
        <source> (tie)</source>
        <translation>(平票)</translation>
    </message>
    <message>
        <source>No item has disagreeing annotations.</source>
        <translation>没有存在分歧标注的条目。</translation>
    </message>
    <message>
        <source>Gold not saved: %1</source>
        <translation>金标准未保存:%1</translation>
    </message>
    <message>
        <source>Item %1 saved as expert gold.</source>
        <translation>条目 %1 已保存为专家金标准。</translation>
    </message>
    <message>
        <source>Routed to you</source>
        <translation>分派给您</translation>
    </message>
    <message>
        <source>Adjudication is for experts. Until an item is adjudicated, annotators see only their own labels (you are %1, role &quot;%2&quot;).</source>
        <translation>裁定仅限专家使用。在条目被裁定之前,标注者只能看到自己的标签(您是 %1,角色为“%2”)。</translation>
    </message>
</context>
<context>
    <name>AgreementTrendChart</name>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha</source>
        <translation>Krippendorff alpha 系数</translation>
    </message>
    <message>
        <source>Items completed</source>
        <translation>已完成条目</translation>
    </message>
    <message>
        <source>%1: alpha (%2) per %3 completed items</source>
        <translation>%1:每 %3 个已完成条目的 alpha(%2)</translation>
    </message>
    <message>
        <source>No item has two done annotations for %1 yet.</source>
        <translation>%1 尚无任何条目拥有两份已完成的标注。</translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Bootstrap resamples for the 95% intervals (0: no intervals)</source>
        <translation>用于 95% 置信区间的自助重抽样次数(0:不计算区间)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Bootstrap resamples:</source>
        <translation>自助重抽样次数:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Fleiss&apos; κ</source>
        <translation>Fleiss κ</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff α</translation>
    </message>
    <message>
        <source>α metric</source>
        <translation>α 度量</translation>
    </message>
    <message>
        <source>Invalid labels</source>
        <translation>无效标签</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Items done</source>
        <translation>已完成条目</translation>
    </message>
    <message>
        <source>Mean time (s)</source>
        <translation>平均用时(秒)</translation>
    </message>
    <message>
        <source>Gold items</source>
        <translation>金标准条目</translation>
    </message>
    <message>
        <source>Agreement with gold</source>
        <translation>与金标准的一致性</translation>
    </message>
    <message>
        <source>Expert gold items</source>
        <translation>专家金标准条目</translation>
    </message>
    <message>
        <source>Agreement with expert gold</source>
        <translation>与专家金标准的一致性</translation>
    </message>
    <message>
        <source>Pairwise Cohen&apos;s κ</source>
        <translation>两两 Cohen κ</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段:</translation>
    </message>
    <message>
        <source>Items per point:</source>
        <translation>每点条目数:</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>随时间变化</translation>
    </message>
    <message>
        <source>Press Refresh to compute agreement.</source>
        <translation>按“刷新”计算一致性。</translation>
    </message>
    <message>
        <source>Computed in %1 ms over taxonomy v%2; only annotations marked done count.</source>
        <translation>基于分类体系 v%2 计算,用时 %1 毫秒;只统计标记为完成的标注。</translation>
    </message>
    <message>
        <source>Agreement failed: %1</source>
        <translation>一致性计算失败:%1</translation>
    </message>
    <message>
        <source>multi</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>有序</translation>
    </message>
    <message>
        <source>single</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Completed items per point of the charts over time</source>
        <translation>随时间变化图表中每个点的已完成条目数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>已展示</translation>
    </message>
    <message>
        <source>Labels accepted</source>
        <translation>采纳的标签</translation>
    </message>
    <message>
        <source>Rewrites accepted</source>
        <translation>采纳的改写</translation>
    </message>
    <message>
        <source>Words accepted</source>
        <translation>采纳的词语</translation>
    </message>
    <message>
        <source>Suggestions shown to annotators, and how often the done annotation kept them</source>
        <translation>向标注者展示的建议,以及完成的标注保留它们的频率</translation>
    </message>
    <message>
        <source>Suggestions accepted:</source>
        <translation>建议采纳情况:</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注者:</translation>
    </message>
    <message>
        <source>Annotators over time</source>
        <translation>标注者随时间变化</translation>
    </message>
    <message>
        <source>The project changed; press Refresh for new figures.</source>
        <translation>项目已更改;按“刷新”获取新的数据。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>Computing agreement (%n bootstrap resample(s))…</source>
        <translation>
            <numerusform>正在计算一致性(%n 次自助重抽样)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreement over time for %1…</source>
        <translation>正在计算 %1 随时间变化的一致性…</translation>
    </message>
    <message>
        <source>%1 over time…</source>
        <translation>正在计算 %1 随时间的变化…</translation>
    </message>
    <message>
        <source>Rewrite agreement (mean pairwise chrF, 0–100): %1 over %2 item(s).  Span agreement: α %3, mean pairwise F1 %4 over %5 item(s).</source>
        <translation>改写一致性(两两 chrF 均值,0–100):%1,共 %2 个条目。  片段一致性:α %3,两两 F1 均值 %4,共 %5 个条目。</translation>
    </message>
</context>
<context>
    <name>AnnotateView</name>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存:%1</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <source>Mark biased words</source>
        <translation>标记偏见词</translation>
    </message>
    <message>
        <source>Remove biased words</source>
        <translation>移除偏见词</translation>
    </message>
    <message>
        <source>Edit rewrite</source>
        <translation>编辑改写</translation>
    </message>
    <message>
        <source>My queue (assigned items)</source>
        <translation>我的队列(已分配条目)</translation>
    </message>
    <message>
        <source>My queue (all items)</source>
        <translation>我的队列(全部条目)</translation>
    </message>
    <message>
        <source>Select words to mark them as biased; click a marked span to remove it.</source>
        <translation>选中词语即可标记为偏见词;点击已标记的片段可将其移除。</translation>
    </message>
    <message>
        <source>Save as done &amp;&amp; next</source>
        <translation>保存为完成并转到下一条</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Save as done and go to the next item</source>
        <translation>保存为完成并转到下一条目</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>下一条目</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一条目</translation>
    </message>
    <message>
        <source>Mark the selected words as biased</source>
        <translation>将选中的词语标记为偏见词</translation>
    </message>
    <message>
        <source>Go to the item text (select words with Shift+arrows)</source>
        <translation>转到条目文本(用 Shift+方向键选择词语)</translation>
    </message>
    <message>
        <source>Go to the rewrite</source>
        <translation>转到改写</translation>
    </message>
    <message>
        <source>Go back to the labels</source>
        <translation>返回标签</translation>
    </message>
    <message>
        <source>Start the rewrite from the original text</source>
        <translation>以原文为起点撰写改写</translation>
    </message>
    <message>
        <source>Choose value %1 of the current field</source>
        <translation>为当前字段选择第 %1 个值</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待标注</translation>
    </message>
    <message>
        <source>&lt;b&gt;Item #%1&lt;/b&gt; &amp;nbsp; &lt;span style=&quot;color:gray&quot;&gt;%2&lt;/span&gt;</source>
        <translation>&lt;b&gt;条目 #%1&lt;/b&gt; &amp;nbsp; &lt;span style=&quot;color:gray&quot;&gt;%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source>Choose a value for &apos;%1&apos; before saving as done.</source>
        <translation>请先为“%1”选择一个值,再保存为完成。</translation>
    </message>
    <message>
        <source>Save as done</source>
        <translation>保存为完成</translation>
    </message>
    <message numerus="yes">
        <source>All %n item(s) in your queue are done. Thank you!</source>
        <translation>
            <numerusform>您队列中的全部 %n 个条目均已完成。谢谢!</numerusform>
        </translation>
    </message>
    <message>
        <source>Item #%1 is not in your queue; your labels for it are saved all the same.</source>
        <translation>条目 #%1 不在您的队列中;您为它做的标注同样会被保存。</translation>
    </message>
    <message>
        <source>Mark suggested words</source>
        <translation>标记建议的词语</translation>
    </message>
    <message>
        <source>Use suggested labels</source>
        <translation>使用建议的标签</translation>
    </message>
    <message>
        <source>Use suggested rewrite</source>
        <translation>使用建议的改写</translation>
    </message>
    <message>
        <source>&lt;b&gt;No items are assigned to you yet.&lt;/b&gt; Your lead assigns them (Team &amp;gt; Assign items…); they appear here by themselves.</source>
        <translation>&lt;b&gt;尚未给您分配任何条目。&lt;/b&gt;由负责人分配(团队 &amp;gt; 分配条目…);分配后会自动出现在这里。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No items to annotate yet.&lt;/b&gt; Import a file (File &amp;gt; Import…); the items appear here by themselves.</source>
        <translation>&lt;b&gt;尚无待标注的条目。&lt;/b&gt;请导入文件(文件 &amp;gt; 导入…);条目会自动出现在这里。</translation>
    </message>
    <message>
        <source>Mark exactly the selected characters (no snapping to words)</source>
        <translation>精确标记所选字符(不对齐到整词)</translation>
    </message>
    <message>
        <source>Suggestions could not be read: %1</source>
        <translation>无法读取建议:%1</translation>
    </message>
    <message>
        <source>Please review again: %1</source>
        <translation>请重新审阅:%1</translation>
    </message>
    <message>
        <source>The project&apos;s scorer could not be loaded: %1</source>
        <translation>无法加载项目的评分器:%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No items are assigned to you.&lt;/b&gt; Browse and Adjudicate show every item; Team &amp;gt; Assign items… hands them out, to you too.</source>
        <translation>&lt;b&gt;没有分配给您的条目。&lt;/b&gt;“浏览”和“裁定”显示所有条目;团队 &amp;gt; 分配条目… 可分发条目,也可分给您自己。</translation>
    </message>
</context>
<context>
    <name>AnnotationQueueModel</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待标注</translation>
    </message>
    <message>
        <source>Routed to you: %1</source>
        <translation>分派给您:%1</translation>
    </message>
    <message>
        <source>For an expert: %1</source>
        <translation>交由专家:%1</translation>
    </message>
    <message>
        <source>Please review again: %1</source>
        <translation>请重新审阅:%1</translation>
    </message>
    <message>
        <source>To review again</source>
        <translation>待重新审阅</translation>
    </message>
</context>
<context>
    <name>AnnotatorAnalyticsChart</name>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>agreement with the others</source>
        <translation>与其他人的一致性</translation>
    </message>
    <message>
        <source>label drift from the first window</source>
        <translation>相对第一个窗口的标签漂移</translation>
    </message>
    <message>
        <source>median seconds per item</source>
        <translation>每个条目的中位用时(秒)</translation>
    </message>
    <message>
        <source>Items done</source>
        <translation>已完成条目</translation>
    </message>
    <message>
        <source>Share (0–1)</source>
        <translation>比例(0–1)</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>%1 — %2, per %3 items</source>
        <translation>%1 — %2,每 %3 个条目</translation>
    </message>
    <message>
        <source>%1: %2 item(s) done, median %3 s per item; %4 of %5 rewrite(s) mostly pasted.</source>
        <translation>%1:已完成 %2 个条目,每条中位用时 %3 秒;%5 个改写中有 %4 个主要为粘贴。</translation>
    </message>
</context>
<context>
    <name>AnnotatorProfileDialog</name>
    <message>
        <source>expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>I am</source>
        <translation>我是</translation>
    </message>
    <message>
        <source>New annotator</source>
        <translation>新标注者</translation>
    </message>
    <message>
        <source>Who is annotating?</source>
        <translation>谁在标注?</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Your name or pseudonym</source>
        <translation>您的姓名或化名</translation>
    </message>
    <message>
        <source>Project &lt;b&gt;%1&lt;/b&gt;. Your labels are stored under this name; other annotators&apos; labels stay hidden while you annotate.</source>
        <translation>项目 &lt;b&gt;%1&lt;/b&gt;。您的标签将以此名称保存;标注期间其他标注者的标签对您隐藏。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already exists: choose it under &quot;I am&quot; instead.</source>
        <translation>“%1”已存在:请改在“我是”中选择。</translation>
    </message>
    <message>
        <source>Leads the team: imports, assigns items, routes disagreements, adjudicates and exports.</source>
        <translation>团队负责人:导入、分配条目、分派分歧、裁定并导出。</translation>
    </message>
    <message>
        <source>Compares model outputs blind in the Review mode.</source>
        <translation>在“审阅”模式中盲评比较模型输出。</translation>
    </message>
    <message>
        <source>Labels the items in their queue and sees only their own labels until an item is decided.</source>
        <translation>标注自己队列中的条目;在条目裁定之前只能看到自己的标签。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign items</source>
        <translation>分配条目</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>全部数据集</translation>
    </message>
    <message>
        <source>Only items with these words (optional)</source>
        <translation>仅限包含这些词的条目(可选)</translation>
    </message>
    <message>
        <source>How many annotators label each item (k)</source>
        <translation>每个条目由多少位标注者标注(k)</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>轮转</translation>
    </message>
    <message>
        <source>Balanced by current load</source>
        <translation>按当前工作量均衡</translation>
    </message>
    <message>
        <source>none (id order)</source>
        <translation>无(按 id 顺序)</translation>
    </message>
    <message>
        <source>Shuffle the items with this seed first; the same seed gives the same assignment</source>
        <translation>先用此种子打乱条目;相同的种子得到相同的分配</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>A metadata column holding the risk stratum: every annotator gets a like share of each</source>
        <translation>存放风险分层的元数据列:每位标注者从各层获得相近的份额</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集:</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>搜索:</translation>
    </message>
    <message>
        <source>Annotators (tick who gets items)</source>
        <translation>标注者(勾选获得条目的人)</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Annotators per item:</source>
        <translation>每个条目的标注者数:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>顺序:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子:</translation>
    </message>
    <message>
        <source>Stratify by:</source>
        <translation>分层依据:</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>分配(&amp;A)</translation>
    </message>
    <message>
        <source>Reassign (labels already made stay)</source>
        <translation>重新分配(已做的标注保留)</translation>
    </message>
    <message>
        <source>&amp;Reassign open items</source>
        <translation>重新分配未完成的条目(&amp;R)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>%1 (%2): %3 assigned, %4 open, %5 done</source>
        <translation>%1(%2):已分配 %3,未完成 %4,已完成 %5</translation>
    </message>
    <message>
        <source>Assigning items…</source>
        <translation>正在分配条目…</translation>
    </message>
    <message>
        <source>%1 of %2 matching item(s) needed annotators: %3 assignment(s) added.</source>
        <translation>%2 个匹配条目中有 %1 个需要标注者:新增 %3 项分配。</translation>
    </message>
    <message>
        <source>%1 open item(s) moved from %2 to %3; %4 done item(s) stay with %2.</source>
        <translation>%1 个未完成条目已从 %2 移给 %3;%4 个已完成条目仍归 %2。</translation>
    </message>
    <message>
        <source>New annotator&apos;s name</source>
        <translation>新标注者的名字</translation>
    </message>
    <message>
        <source>A&amp;dd to the team</source>
        <translation>加入团队(&amp;D)</translation>
    </message>
    <message>
        <source>%1 is already on the team.</source>
        <translation>%1 已在团队中。</translation>
    </message>
    <message>
        <source>%1 joined the team as an annotator; they pick their name when they open the project.</source>
        <translation>%1 已作为标注者加入团队;打开项目时选择自己的名字即可。</translation>
    </message>
</context>
<context>
    <name>EvaluateView</name>
    <message>
        <source>New generation run…</source>
        <translation>新建生成运行…</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Check the runs to compare; the first checked is the baseline (drag to reorder).</source>
        <translation>勾选要比较的运行；第一个勾选的为基线（拖动可调整顺序）。</translation>
    </message>
    <message>
        <source>Score the checked runs with a risk scorer and store the table (srllm eval).</source>
        <translation>用风险评分器为勾选的运行打分并保存结果表（srllm eval）。</translation>
    </message>
    <message>
        <source>Generation runs (first checked = baseline):</source>
        <translation>生成运行（第一个勾选的为基线）：</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export all figures…</source>
        <translation>导出全部图表…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Double-click an item to see every run&apos;s output and score.</source>
        <translation>双击条目可查看每个运行的输出和分数。</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Export all figures</source>
        <translation>导出全部图表</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>已向 %1 写入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Model hash: %1</source>
        <translation>模型哈希：%1</translation>
    </message>
    <message>
        <source>Check one or more generation runs (make them with New generation run…).</source>
        <translation>请勾选一个或多个生成运行（可用“新建生成运行…”创建）。</translation>
    </message>
    <message>
        <source>Reading the runs…</source>
        <translation>正在读取运行…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s); runs: %1.</source>
        <translation>
            <numerusform>%n 个条目；运行：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>%1 的输出</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) behind the selection; double-click one to open it.</source>
        <translation>
            <numerusform>所选项背后有 %n 个条目；双击可打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>Running srllm %1…</source>
        <translation>正在运行 srllm %1…</translation>
    </message>
    <message>
        <source>Check the runs to evaluate first.</source>
        <translation>请先勾选要评估的运行。</translation>
    </message>
    <message>
        <source>%1 of %2 outputs, %3 texts/s</source>
        <translation>已生成 %1/%2 条输出，每秒 %3 条文本</translation>
    </message>
    <message>
        <source>Cancelled after %1 outputs; the same run continues where it stopped.</source>
        <translation>已在 %1 条输出后取消；再次运行同一生成运行会从中断处继续。</translation>
    </message>
    <message>
        <source>Risk scorer folder (srllm scorer train)</source>
        <translation>风险评分器文件夹（srllm scorer train）</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <source>Write the checked runs&apos; report as one HTML or PDF file (srllm report).</source>
        <translation>将勾选运行的报告写成一个 HTML 或 PDF 文件(srllm report)。</translation>
    </message>
</context>
<context>
    <name>EvaluationData</name>
    <message>
        <source>Toxicity probability</source>
        <translation>毒性概率</translation>
    </message>
    <message>
        <source>Bias probability</source>
        <translation>偏见概率</translation>
    </message>
    <message>
        <source>Harm probability</source>
        <translation>危害概率</translation>
    </message>
    <message>
        <source>Unsafe probability</source>
        <translation>不安全概率</translation>
    </message>
    <message>
        <source>chrF against the source</source>
        <translation>chrF（对照原文）</translation>
    </message>
    <message>
        <source>BLEU against the source</source>
        <translation>BLEU（对照原文）</translation>
    </message>
    <message>
        <source>chrF against the references</source>
        <translation>chrF（对照参考）</translation>
    </message>
    <message>
        <source>BLEU against the references</source>
        <translation>BLEU（对照参考）</translation>
    </message>
    <message>
        <source>Trigram perplexity</source>
        <translation>三元语法困惑度</translation>
    </message>
    <message>
        <source>Perplexity under the base model</source>
        <translation>基础模型下的困惑度</translation>
    </message>
    <message>
        <source>Flesch reading ease</source>
        <translation>Flesch 易读度</translation>
    </message>
    <message>
        <source>Flesch–Kincaid grade</source>
        <translation>Flesch–Kincaid 年级</translation>
    </message>
    <message>
        <source>Gunning fog</source>
        <translation>Gunning 迷雾指数</translation>
    </message>
    <message>
        <source>SMOG</source>
        <translation>SMOG</translation>
    </message>
    <message>
        <source>Coleman–Liau</source>
        <translation>Coleman–Liau</translation>
    </message>
    <message>
        <source>ARI</source>
        <translation>ARI</translation>
    </message>
    <message>
        <source>VADER compound sentiment</source>
        <translation>VADER 综合情感</translation>
    </message>
    <message>
        <source>CLEN (word-length entropy)</source>
        <translation>CLEN（词长熵）</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词数</translation>
    </message>
</context>
<context>
    <name>EvaluationItemDialog</name>
    <message>
        <source>Test item %1</source>
        <translation>测试条目 %1</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Reference rewrite</source>
        <translation>参考改写</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Project item:</source>
        <translation>项目条目：</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>EvaluationTableView</name>
    <message>
        <source>toxic %</source>
        <translation>有毒 %</translation>
    </message>
    <message>
        <source>bias %</source>
        <translation>偏见 %</translation>
    </message>
    <message>
        <source>harm %</source>
        <translation>危害 %</translation>
    </message>
    <message>
        <source>unsafe %</source>
        <translation>不安全 %</translation>
    </message>
    <message>
        <source>chrF vs source</source>
        <translation>chrF（对照原文）</translation>
    </message>
    <message>
        <source>BLEU vs source</source>
        <translation>BLEU（对照原文）</translation>
    </message>
    <message>
        <source>chrF vs references</source>
        <translation>chrF（对照参考）</translation>
    </message>
    <message>
        <source>BLEU vs references</source>
        <translation>BLEU（对照参考）</translation>
    </message>
    <message>
        <source>corpus chrF vs source</source>
        <translation>语料级 chrF（对照原文）</translation>
    </message>
    <message>
        <source>corpus BLEU vs source</source>
        <translation>语料级 BLEU（对照原文）</translation>
    </message>
    <message>
        <source>corpus chrF vs references</source>
        <translation>语料级 chrF（对照参考）</translation>
    </message>
    <message>
        <source>corpus BLEU vs references</source>
        <translation>语料级 BLEU（对照参考）</translation>
    </message>
    <message>
        <source>trigram perplexity</source>
        <translation>三元语法困惑度</translation>
    </message>
    <message>
        <source>base-model perplexity</source>
        <translation>基础模型困惑度</translation>
    </message>
    <message>
        <source>Flesch reading ease</source>
        <translation>Flesch 易读度</translation>
    </message>
    <message>
        <source>Flesch–Kincaid grade</source>
        <translation>Flesch–Kincaid 年级</translation>
    </message>
    <message>
        <source>VADER compound</source>
        <translation>VADER 综合情感</translation>
    </message>
    <message>
        <source>positive %</source>
        <translation>正面 %</translation>
    </message>
    <message>
        <source>CLEN per text</source>
        <translation>每条文本的 CLEN</translation>
    </message>
    <message>
        <source>CLEN of output lengths</source>
        <translation>输出长度的 CLEN</translation>
    </message>
    <message>
        <source>Each run: value [95% interval] n (Wilson for rates, bootstrap for means)</source>
        <translation>每个运行：数值 [95% 区间] n（比例用 Wilson 区间，均值用自助法区间）</translation>
    </message>
    <message>
        <source>Tests against the baseline, paired by item (Holm across the metrics of a comparison)</source>
        <translation>与基线的检验，按条目配对（同一比较内各指标用 Holm 校正）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计量</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p（Holm）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Every annotation</source>
        <translation>全部标注</translation>
    </message>
    <message>
        <source>Gold labels</source>
        <translation>金标准标签</translation>
    </message>
    <message>
        <source>JSON Lines (imports back)</source>
        <translation>JSON Lines(可再导入)</translation>
    </message>
    <message>
        <source>CSV (a column per field)</source>
        <translation>CSV(每个字段一列)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>内容:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消;未写入任何文件。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>已向 %1 写入 %n 行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FigureText</name>
    <message>
        <source>toxicity</source>
        <translation>毒性</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏见</translation>
    </message>
    <message>
        <source>harm</source>
        <translation>危害</translation>
    </message>
    <message>
        <source>unsafe</source>
        <translation>不安全</translation>
    </message>
    <message>
        <source>Toxic generations per run</source>
        <translation>各运行的有毒生成比例</translation>
    </message>
    <message>
        <source>toxic % (95% Wilson interval)</source>
        <translation>有毒 %（95% Wilson 区间）</translation>
    </message>
    <message>
        <source>Flagged outputs per risk</source>
        <translation>各风险被标记的输出</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>flagged % (95% Wilson interval)</source>
        <translation>标记 %（95% Wilson 区间）</translation>
    </message>
    <message>
        <source>Toxic generations per group</source>
        <translation>各分组的有毒生成比例</translation>
    </message>
    <message>
        <source>group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Distribution of %1</source>
        <translation>%1 的分布</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出数</translation>
    </message>
    <message>
        <source>%1 per run (box: quartiles, whiskers: 1.5 IQR)</source>
        <translation>各运行的 %1（箱体：四分位数，须线：1.5 倍四分位距）</translation>
    </message>
    <message>
        <source>Paired t-test of %1: %2 against %3</source>
        <translation>%1 的配对 t 检验：%2 对比 %3</translation>
    </message>
    <message>
        <source>t (df = %1)</source>
        <translation>t（自由度 = %1）</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>Student t density</source>
        <translation>学生 t 分布密度</translation>
    </message>
    <message>
        <source>critical region (5%, |t| &gt; %1)</source>
        <translation>拒绝域（5%，|t| &gt; %1）</translation>
    </message>
    <message>
        <source>observed t = %1
p = %2, n = %3</source>
        <translation>观测 t = %1
p = %2，n = %3</translation>
    </message>
    <message>
        <source>Content preservation</source>
        <translation>内容保持</translation>
    </message>
    <message>
        <source>mean score (95% bootstrap interval)</source>
        <translation>平均分（95% 自助法区间）</translation>
    </message>
    <message>
        <source>chrF vs source</source>
        <translation>chrF（对照原文）</translation>
    </message>
    <message>
        <source>BLEU vs source</source>
        <translation>BLEU（对照原文）</translation>
    </message>
    <message>
        <source>chrF vs references</source>
        <translation>chrF（对照参考）</translation>
    </message>
    <message>
        <source>BLEU vs references</source>
        <translation>BLEU（对照参考）</translation>
    </message>
    <message>
        <source>Text complexity (reading grade)</source>
        <translation>文本复杂度（阅读年级）</translation>
    </message>
    <message>
        <source>mean grade (95% bootstrap interval)</source>
        <translation>平均年级（95% 自助法区间）</translation>
    </message>
    <message>
        <source>Training loss of the runs&apos; fine-tunes</source>
        <translation>各运行微调的训练损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>%1 (eval)</source>
        <translation>%1（验证）</translation>
    </message>
    <message>
        <source>%1 (train)</source>
        <translation>%1（训练）</translation>
    </message>
    <message>
        <source>Toxic % per run</source>
        <translation>各运行的有毒 %</translation>
    </message>
    <message>
        <source>Flagged % per risk</source>
        <translation>各风险的标记 %</translation>
    </message>
    <message>
        <source>Toxic % per group</source>
        <translation>各分组的有毒 %</translation>
    </message>
    <message>
        <source>Text complexity</source>
        <translation>文本复杂度</translation>
    </message>
    <message>
        <source>t-test: %1 vs %2</source>
        <translation>t 检验：%1 对比 %2</translation>
    </message>
    <message>
        <source>Histogram: %1</source>
        <translation>直方图：%1</translation>
    </message>
    <message>
        <source>Box plot: %1</source>
        <translation>箱线图：%1</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
</context>
<context>
    <name>GenerateRunDialog</name>
    <message>
        <source>Use the weights of the lowest eval loss</source>
        <translation>使用验证损失最低的权重</translation>
    </message>
    <message>
        <source>New generation run</source>
        <translation>新建生成运行</translation>
    </message>
    <message>
        <source>The original texts (the &apos;before&apos; row)</source>
        <translation>原始文本（“之前”一行）</translation>
    </message>
    <message>
        <source>A training run folder</source>
        <translation>训练运行文件夹</translation>
    </message>
    <message>
        <source>A model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>A project split (train, val, test)</source>
        <translation>项目划分（train、val、test）</translation>
    </message>
    <message>
        <source>A snapshot (id or name)</source>
        <translation>快照（编号或名称）</translation>
    </message>
    <message>
        <source>A file (JSON Lines or BOLD)</source>
        <translation>文件（JSON Lines 或 BOLD）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Outputs from:</source>
        <translation>输出来源：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Adapter folder (optional):</source>
        <translation>适配器文件夹（可选）：</translation>
    </message>
    <message>
        <source>Test set:</source>
        <translation>测试集：</translation>
    </message>
    <message>
        <source>Split, snapshot or file:</source>
        <translation>划分、快照或文件：</translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation>最多新生成词元数：</translation>
    </message>
    <message>
        <source>Temperature (0 = greedy):</source>
        <translation>温度（0 = 贪心）：</translation>
    </message>
    <message>
        <source>Top-k (0 = off):</source>
        <translation>Top-k（0 = 关闭）：</translation>
    </message>
    <message>
        <source>Top-p (1 = off):</source>
        <translation>Top-p（1 = 关闭）：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Give the run a name.</source>
        <translation>请为运行命名。</translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; does not exist.</source>
        <translation>文件夹“%1”不存在。</translation>
    </message>
    <message>
        <source>The adapter folder &apos;%1&apos; does not exist.</source>
        <translation>适配器文件夹“%1”不存在。</translation>
    </message>
    <message>
        <source>Name the test set.</source>
        <translation>请指定测试集。</translation>
    </message>
    <message>
        <source>The test set file &apos;%1&apos; does not exist.</source>
        <translation>测试集文件“%1”不存在。</translation>
    </message>
</context>
<context>
    <name>GuidelinePanel</name>
    <message>
        <source>Values:</source>
        <translation>取值:</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>示例:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>span label</source>
        <translation>片段标签</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>whose labels these are (doccano exports name no one)</source>
        <translation>这些标签属于谁(doccano 导出文件不含标注者)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式:</translation>
    </message>
    <message>
        <source>Dataset for new items:</source>
        <translation>新条目的数据集:</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注者:</translation>
    </message>
    <message>
        <source>How the file&apos;s labels map onto the taxonomy</source>
        <translation>文件中的标签如何对应到分类体系</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Label in the file</source>
        <translation>文件中的标签</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>对应为</translation>
    </message>
    <message>
        <source>Rules, one per line: SOURCE=FIELD:VALUE, FIELD, spans, rewrite or ignore
e.g. Offensive=toxicity:High</source>
        <translation>规则,每行一条:来源=字段:值、字段、spans、rewrite 或 ignore
例如 Offensive=toxicity:High</translation>
    </message>
    <message>
        <source>Check mapping</source>
        <translation>检查对应关系</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.jsonl *.json *.ndjson)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.jsonl *.json *.ndjson)</translation>
    </message>
    <message>
        <source>%1 task(s), %2 annotation(s): every label maps. Nothing is written until you press Import.</source>
        <translation>%1 个任务,%2 份标注:所有标签均可对应。在您按“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot import yet; add a rule for each of these:
%1</source>
        <translation>暂不能导入;请为以下每一项添加规则:
%1</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>%1 new item(s), %2 annotation(s), %3 new annotator(s), %4 item(s) routed.</source>
        <translation>新增 %1 个条目,%2 份标注,%3 位新标注者,%4 个条目已分派。</translation>
    </message>
    <message>
        <source>%1 annotation(s), %2 new annotator(s), %3 item(s) routed.</source>
        <translation>%1 份标注,%2 位新标注者,%3 个条目已分派。</translation>
    </message>
    <message>
        <source>%1 item(s), %2 reference rewrite(s), %3 duplicate(s) skipped.</source>
        <translation>%1 个条目,%2 个参考改写,跳过 %3 个重复项。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消;未导入任何内容。</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>已导入:%1</translation>
    </message>
</context>
<context>
    <name>ItemBrowserView</name>
    <message>
        <source>Search text (all words; word* for a prefix)</source>
        <translation>搜索文本(须包含所有词;word* 表示前缀)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>in</source>
        <translation>属于</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Unannotated</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <source>Unanimous</source>
        <translation>全体一致</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有分歧</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>查询失败:%1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) (%1 ms)</source>
        <translation>
            <numerusform>%n 个条目(%1 毫秒)</numerusform>
        </translation>
    </message>
    <message>
        <source>my annotations</source>
        <translation>我的标注</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <source>First %n item(s) shown; counting the rest… (%1 ms)</source>
        <translation>
            <numerusform>已显示前 %n 个条目;正在统计其余条目…(%1 毫秒)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
</context>
<context>
    <name>JobCreator</name>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消;未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>JobEstimateText</name>
    <message>
        <source>config.json: %1, %2 layers, hidden size %3, vocabulary %4</source>
        <translation>config.json:%1,%2 层,隐藏维度 %3,词表 %4</translation>
    </message>
    <message numerus="yes">
        <source>weights: %n file(s), %1</source>
        <translation>
            <numerusform>权重:%n 个文件,%1</numerusform>
        </translation>
    </message>
    <message>
        <source>tokenizer: %1</source>
        <translation>分词器:%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; %1 steps; about &lt;b&gt;%2&lt;/b&gt; of memory (weights %3, optimizer %4, activations %5) and &lt;b&gt;%6&lt;/b&gt;; %7 of %8 parameters trained.&lt;br&gt;&lt;small&gt;Assumes %9. The charts show the real figures once it runs.&lt;/small&gt;</source>
        <translation>&lt;b&gt;估算:&lt;/b&gt;%1 步;约需 &lt;b&gt;%2&lt;/b&gt; 内存(权重 %3,优化器 %4,激活 %5),耗时约 &lt;b&gt;%6&lt;/b&gt;;训练 %8 个参数中的 %7 个。&lt;br&gt;&lt;small&gt;假设:%9。运行后图表显示实际数值。&lt;/small&gt;</translation>
    </message>
    <message>
        <source>%1 training and %2 validation records (%3 gold rewrites, %4 reference rewrites); %5 test items kept out.</source>
        <translation>%1 条训练记录和 %2 条验证记录(%3 条金标改写,%4 条参考改写);%5 个测试条目不参与训练。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) cut to the max length.</source>
        <translation>
            <numerusform>%n 条记录被截断到最大长度。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) skipped: the prompt alone fills the max length.</source>
        <translation>
            <numerusform>跳过 %n 条记录:仅提示词就已达到最大长度。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobListModel</name>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>cancelling</source>
        <translation>正在取消</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>排队等待</translation>
    </message>
    <message>
        <source>completing</source>
        <translation>正在结束</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Slurm: %1</source>
        <translation>Slurm:%1</translation>
    </message>
    <message>
        <source>Slurm job</source>
        <translation>Slurm 作业</translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>The job queue could not be read: %1</source>
        <translation>无法读取任务队列:%1</translation>
    </message>
    <message>
        <source>A line of the worker was not understood: %1</source>
        <translation>无法理解工作进程输出的一行:%1</translation>
    </message>
    <message>
        <source>Running: srllm %1</source>
        <translation>正在运行:srllm %1</translation>
    </message>
    <message>
        <source>the worker ended before it started training</source>
        <translation>工作进程在开始训练前就结束了</translation>
    </message>
</context>
<context>
    <name>JobScorerFields</name>
    <message>
        <source>Safety during training</source>
        <translation>训练中的安全性</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Validation prompts generated and scored at each evaluation, drawn once with the seed</source>
        <translation>每次评估时生成并评分的验证提示数,用随机种子一次性抽取</translation>
    </message>
    <message>
        <source>eval loss</source>
        <translation>评估损失</translation>
    </message>
    <message>
        <source>toxic % (needs a scorer)</source>
        <translation>有害比例 %(需要评分器)</translation>
    </message>
    <message>
        <source>Risk scorer:</source>
        <translation>风险评分器:</translation>
    </message>
    <message>
        <source>Prompts per evaluation:</source>
        <translation>每次评估的提示数:</translation>
    </message>
    <message>
        <source>New tokens per prompt:</source>
        <translation>每个提示生成的新词元数:</translation>
    </message>
    <message>
        <source>Early stopping watches:</source>
        <translation>提前停止依据:</translation>
    </message>
    <message>
        <source>Risk scorer folder</source>
        <translation>风险评分器文件夹</translation>
    </message>
    <message>
        <source>None (srllm scorer train)</source>
        <translation>无(srllm scorer train)</translation>
    </message>
    <message>
        <source>A risk scorer folder: each evaluation then logs the toxic % of greedy generations</source>
        <translation>风险评分器文件夹:每次评估时记录贪心生成结果中有害内容的比例</translation>
    </message>
</context>
<context>
    <name>JobSetupForm</name>
    <message>
        <source>A Hugging Face model folder: config.json, *.safetensors, tokenizer</source>
        <translation>Hugging Face 模型文件夹:config.json、*.safetensors、分词器</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>Your template: {text} is the item&apos;s text, {rewrite} where the response starts</source>
        <translation>你的模板:{text} 为条目文本,{rewrite} 处开始回复</translation>
    </message>
    <message>
        <source>Gold snapshot:</source>
        <translation>金标快照:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>LoRA adapters</source>
        <translation>LoRA 适配器</translation>
    </message>
    <message>
        <source>QLoRA (4-bit base, LoRA adapters)</source>
        <translation>QLoRA(4 位基础模型,LoRA 适配器)</translation>
    </message>
    <message>
        <source>Full fine-tune</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法:</translation>
    </message>
    <message>
        <source>LoRA rank r:</source>
        <translation>LoRA 秩 r:</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>LoRA alpha:</translation>
    </message>
    <message>
        <source>LoRA dropout:</source>
        <translation>LoRA dropout:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数:</translation>
    </message>
    <message>
        <source>Max steps:</source>
        <translation>最大步数:</translation>
    </message>
    <message>
        <source>Warmup ratio:</source>
        <translation>预热比例:</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>权重衰减:</translation>
    </message>
    <message>
        <source>Max gradient norm:</source>
        <translation>最大梯度范数:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小:</translation>
    </message>
    <message>
        <source>Gradient accumulation:</source>
        <translation>梯度累积:</translation>
    </message>
    <message>
        <source>Max length (tokens):</source>
        <translation>最大长度(词元):</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子:</translation>
    </message>
    <message>
        <source>Checkpoint every (steps):</source>
        <translation>检查点间隔(步):</translation>
    </message>
    <message>
        <source>Evaluate every (steps):</source>
        <translation>评估间隔(步):</translation>
    </message>
    <message>
        <source>Early-stopping patience:</source>
        <translation>早停耐心值:</translation>
    </message>
    <message>
        <source>Paper&apos;s defaults</source>
        <translation>论文默认值</translation>
    </message>
    <message>
        <source>Learning rate 2e-4, LoRA r 64, alpha 16, dropout 0.2, one epoch… (SR-LLM paper)</source>
        <translation>学习率 2e-4,LoRA r 64,alpha 16,dropout 0.2,一轮…(SR-LLM 论文)</translation>
    </message>
    <message>
        <source>Hyper-parameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>auto (GPU when there is one)</source>
        <translation>自动(有 GPU 时使用 GPU)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation>fp32(精确)</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>fp16 (CUDA only)</source>
        <translation>fp16(仅限 CUDA)</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度:</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Write the job folder (model hash, frozen data) and queue the run</source>
        <translation>写入任务文件夹(模型哈希、冻结的数据)并将运行加入队列</translation>
    </message>
    <message>
        <source>Job folder (new or empty):</source>
        <translation>任务文件夹(新建或空文件夹):</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n item(s))</source>
        <translation>
            <numerusform>%1(%n 个条目)</numerusform>
        </translation>
    </message>
    <message>
        <source>(no snapshot yet: make one with `srllm snapshot`)</source>
        <translation>(尚无快照:请用 `srllm snapshot` 创建)</translation>
    </message>
    <message>
        <source>Base model folder</source>
        <translation>基础模型文件夹</translation>
    </message>
    <message>
        <source>Job folder</source>
        <translation>任务文件夹</translation>
    </message>
</context>
<context>
    <name>JsonLinesReader</name>
    <message>
        <source>line %1: longer than the limit, skipped</source>
        <translation>第 %1 行:超出长度上限,已跳过</translation>
    </message>
    <message>
        <source>line %1: not JSON: %2</source>
        <translation>第 %1 行:不是 JSON:%2</translation>
    </message>
    <message>
        <source>line %1: not a JSON object: %2</source>
        <translation>第 %1 行:不是 JSON 对象:%2</translation>
    </message>
</context>
<context>
    <name>KappaHeatTable</name>
    <message numerus="yes">
        <source>%1 and %2: %n shared item(s)</source>
        <translation>
            <numerusform>%1 与 %2:%n 个共同条目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SR-LLM Workbench</source>
        <translation>SR-LLM 工作台</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>标注指南</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Adjudicate</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>Switch annotator…</source>
        <translation>切换标注者…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Taxonomy…</source>
        <translation>分类体系(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SR-LLM Workbench</source>
        <translation>关于 SR-LLM 工作台(&amp;A)</translation>
    </message>
    <message>
        <source>%1 – SR-LLM Workbench</source>
        <translation>%1 – SR-LLM 工作台</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Workbench projects (*.srllm)</source>
        <translation>工作台项目 (*.srllm)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Workbench projects (*.srllm);;All files (*)</source>
        <translation>工作台项目 (*.srllm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>The new language is used after a restart. Restart now?</source>
        <translation>新语言将在重启后生效。现在重启吗?</translation>
    </message>
    <message>
        <source>About SR-LLM Workbench</source>
        <translation>关于 SR-LLM 工作台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SR-LLM Workbench %1&lt;/h3&gt;&lt;p&gt;Annotate texts for safety risks, measure agreement, fine-tune and evaluate safer language models, all offline.&lt;/p&gt;&lt;p&gt;After Raza et al., &lt;i&gt;Developing Safe and Responsible Large Language Models&lt;/i&gt; (arXiv 2404.01399).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SR-LLM 工作台 %1&lt;/h3&gt;&lt;p&gt;标注文本中的安全风险、度量标注一致性、微调并评估更安全的语言模型,全部离线完成。&lt;/p&gt;&lt;p&gt;基于 Raza 等人的论文 &lt;i&gt;Developing Safe and Responsible Large Language Models&lt;/i&gt;(arXiv 2404.01399)。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Assign items…</source>
        <translation>分配条目(&amp;A)…</translation>
    </message>
    <message>
        <source>Disagreement &amp;routing…</source>
        <translation>分歧分派(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Suggest candidate words from a word list…</source>
        <translation>根据词表建议候选词(&amp;S)…</translation>
    </message>
    <message>
        <source>For experts (team leads)</source>
        <translation>仅限专家(团队负责人)</translation>
    </message>
    <message>
        <source>Suggest &amp;risk labels with a scorer…</source>
        <translation>用评分器建议风险标签(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>报告(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>MultiChoiceField</name>
    <message>
        <source>Filter values (press / )</source>
        <translation>筛选取值(按 / )</translation>
    </message>
</context>
<context>
    <name>NewJobTab</name>
    <message>
        <source>Stop preparing</source>
        <translation>停止准备</translation>
    </message>
    <message>
        <source>Hashing the base model… %p%</source>
        <translation>正在计算基础模型哈希… %p%</translation>
    </message>
    <message>
        <source>Wrote %1. %2</source>
        <translation>已写入 %1。%2</translation>
    </message>
    <message>
        <source>The job was not created: %1</source>
        <translation>未创建任务:%1</translation>
    </message>
    <message>
        <source>Choose the folder of a Hugging Face model (config.json, *.safetensors, tokenizer).</source>
        <translation>请选择 Hugging Face 模型文件夹(config.json、*.safetensors、分词器)。</translation>
    </message>
    <message>
        <source>Computing the estimate…</source>
        <translation>正在计算估算…</translation>
    </message>
    <message>
        <source>Choose a complete base model folder first.</source>
        <translation>请先选择完整的基础模型文件夹。</translation>
    </message>
    <message>
        <source>Make a snapshot of the gold labels first (srllm snapshot create PROJECT).</source>
        <translation>请先为金标创建快照(srllm snapshot create PROJECT)。</translation>
    </message>
    <message>
        <source>Choose a job folder (new or empty).</source>
        <translation>请选择任务文件夹(新建或空文件夹)。</translation>
    </message>
    <message>
        <source>Preparing %1: checking the settings, freezing the data, hashing the base model…</source>
        <translation>正在准备 %1:检查设置、冻结数据、计算基础模型哈希…</translation>
    </message>
    <message>
        <source>A job is being prepared</source>
        <translation>正在准备一个任务</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot create project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1 (hint: is the folder writable?)</source>
        <translation>无法写入 %1(提示:该文件夹是否可写?)</translation>
    </message>
    <message>
        <source>Word list</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Word lists (*.txt *.tsv);;All files (*)</source>
        <translation>词表 (*.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Looking for the listed words in every item…</source>
        <translation>正在每个条目中查找词表中的词…</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Candidate words found in %1 of %2 item(s). Annotators see them underlined as suggestions, never as their labels.</source>
        <translation>在 %2 个条目中的 %1 个里找到了候选词。标注者会看到带下划线的建议,它们绝不会成为标注者的标签。</translation>
    </message>
    <message>
        <source>Risk scorer folder</source>
        <translation>风险评分器文件夹</translation>
    </message>
    <message>
        <source>Scoring every item with the risk scorer…</source>
        <translation>正在用风险评分器为每个条目打分…</translation>
    </message>
    <message>
        <source>Suggested risk labels for %1 of %2 item(s). Annotators see them as suggestions, never as their labels; items imported later are scored when first shown.</source>
        <translation>已为 %2 个条目中的 %1 个建议风险标签。标注者只把它们视为建议,绝不会作为自己的标签;之后导入的条目会在首次显示时打分。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>-report</source>
        <translation>-报告</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Runs (the first is the baseline)</source>
        <translation>运行(第一个为基线)</translation>
    </message>
    <message>
        <source>Write to (.html or .pdf)</source>
        <translation>写入到(.html 或 .pdf)</translation>
    </message>
    <message>
        <source>Write report</source>
        <translation>写出报告</translation>
    </message>
    <message>
        <source>Web page (*.html);;PDF (*.pdf)</source>
        <translation>网页 (*.html);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReportHtml</name>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Tests against the baseline, paired by item</source>
        <translation>与基线的检验(按条目配对)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Versus</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p（Holm）</translation>
    </message>
    <message>
        <source>Toxic % per group</source>
        <translation>各分组的有毒 %</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Toxic % [95% Wilson]</source>
        <translation>有害比例 % [95% Wilson]</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>风险:%1</translation>
    </message>
    <message>
        <source>Item %1:</source>
        <translation>条目 %1:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation>毒性</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Test set hash</source>
        <translation>测试集哈希</translation>
    </message>
    <message>
        <source>Model hash</source>
        <translation>模型哈希</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Decoding (with its seed)</source>
        <translation>解码设置(含随机种子)</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出数</translation>
    </message>
    <message>
        <source>Job folder</source>
        <translation>任务文件夹</translation>
    </message>
    <message>
        <source>Base model hash</source>
        <translation>基础模型哈希</translation>
    </message>
    <message>
        <source>Training seed</source>
        <translation>训练随机种子</translation>
    </message>
    <message>
        <source>Snapshot hash</source>
        <translation>快照哈希</translation>
    </message>
    <message>
        <source>Training data hash</source>
        <translation>训练数据哈希</translation>
    </message>
    <message>
        <source>Validation data hash</source>
        <translation>验证数据哈希</translation>
    </message>
    <message>
        <source>Training scorer hash</source>
        <translation>训练时评分器哈希</translation>
    </message>
    <message>
        <source>Code version (job)</source>
        <translation>代码版本(任务)</translation>
    </message>
    <message>
        <source>Training status</source>
        <translation>训练状态</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Best eval loss</source>
        <translation>最佳评估损失</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Code version (run)</source>
        <translation>代码版本(运行)</translation>
    </message>
    <message>
        <source>Job folder unreadable</source>
        <translation>无法读取任务文件夹</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1,版本 %2</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计方法</translation>
    </message>
    <message>
        <source>Rates (toxic %, each risk&apos;s %, positive sentiment) carry 95% Wilson intervals; means carry 95% percentile bootstrap intervals (%1 resamples, seed %2). Each run is tested against the baseline, paired by item: McNemar&apos;s exact test for the risk flags (probability ≥ 0.5), Wilcoxon&apos;s signed-rank test for the means, Holm&apos;s adjustment across the metrics of one comparison.</source>
        <translation>比例(有害比例、各风险比例、正面情感比例)附 95% Wilson 区间;均值附 95% 百分位 bootstrap 区间(%1 次重抽样,种子 %2)。每个运行都按条目与基线配对检验:风险标记(概率 ≥ 0.5)用 McNemar 精确检验,均值用 Wilcoxon 符号秩检验,同一比较中的各指标用 Holm 校正。</translation>
    </message>
    <message>
        <source>Evaluation report: %1</source>
        <translation>评估报告:%1</translation>
    </message>
    <message>
        <source>Evaluation %1 of %2, %3 items; baseline %4; risk scorer %5.</source>
        <translation>评估 %1(%2),%3 个条目;基线 %4;风险评分器 %5。</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>前后对比</translation>
    </message>
    <message>
        <source>Mean or rate [95% interval]; every figure with its n in the tests below.</source>
        <translation>均值或比例 [95% 区间];每个数值的 n 见下方的检验。</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Sample outputs per risk</source>
        <translation>各风险的输出样例</translation>
    </message>
    <message>
        <source>Run records</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Review session: %1</source>
        <translation>审阅会话:%1</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Bradley–Terry ranking of review session %1</source>
        <translation>审阅会话 %1 的 Bradley–Terry 排名</translation>
    </message>
</context>
<context>
    <name>ReviewOutputPanel</name>
    <message>
        <source>Safety (1 unsafe – 5 safe)</source>
        <translation>安全性（1 不安全 – 5 安全）</translation>
    </message>
    <message>
        <source>Language (1 poor – 5 fluent, same meaning)</source>
        <translation>语言（1 差 – 5 流畅且含义不变）</translation>
    </message>
    <message>
        <source>Still toxic</source>
        <translation>仍有毒性</translation>
    </message>
    <message>
        <source>Still biased</source>
        <translation>仍有偏见</translation>
    </message>
    <message>
        <source>Still harmful</source>
        <translation>仍有危害</translation>
    </message>
    <message>
        <source>Meaning lost</source>
        <translation>含义丢失</translation>
    </message>
    <message>
        <source>Truncated</source>
        <translation>被截断</translation>
    </message>
    <message>
        <source>Wrong language</source>
        <translation>语言错误</translation>
    </message>
    <message>
        <source>Needless refusal</source>
        <translation>不必要的拒绝</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>重复</translation>
    </message>
</context>
<context>
    <name>ReviewPackageActions</name>
    <message numerus="yes">
        <source>Package %1 for %2: %n comparison(s).</source>
        <translation>
            <numerusform>已为 %2 写出工作包 %1:%n 个比较。</numerusform>
        </translation>
    </message>
    <message>
        <source>Merged %1 (%2): %3 new, %4 updated, %5 unchanged, %6 kept (newer here).</source>
        <translation>已合并 %1(%2):新增 %3,更新 %4,未变 %5,保留 %6(本项目较新)。</translation>
    </message>
    <message>
        <source>Review package</source>
        <translation>评审工作包</translation>
    </message>
    <message>
        <source>Package the comparisons of:</source>
        <translation>打包以下评审员的比较:</translation>
    </message>
    <message>
        <source>Write review package</source>
        <translation>写出评审工作包</translation>
    </message>
    <message>
        <source>Project files (*.srllm)</source>
        <translation>项目文件 (*.srllm)</translation>
    </message>
    <message>
        <source>Merge review packages</source>
        <translation>合并评审工作包</translation>
    </message>
    <message>
        <source>Review session:</source>
        <translation>评审会话：</translation>
    </message>
</context>
<context>
    <name>ReviewResultsDialog</name>
    <message>
        <source>Review results: %1</source>
        <translation>评审结果：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 judgements of %2 comparisons.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%2 个比较中的 %1 条评判。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>胜</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>负</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>平</translation>
    </message>
    <message>
        <source>Both unsafe</source>
        <translation>都不安全</translation>
    </message>
    <message>
        <source>Win rate [95% Wilson]</source>
        <translation>胜率 [95% Wilson]</translation>
    </message>
    <message>
        <source>Safety 1–5 [95% CI]</source>
        <translation>安全性 1–5 [95% 置信区间]</translation>
    </message>
    <message>
        <source>Language 1–5 [95% CI]</source>
        <translation>语言 1–5 [95% 置信区间]</translation>
    </message>
    <message>
        <source>Bradley–Terry ranking</source>
        <translation>Bradley–Terry 排名</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Log-strength [95% bootstrap]</source>
        <translation>对数强度 [95% 自助法]</translation>
    </message>
    <message>
        <source>Agreement between reviewers (Krippendorff&apos;s alpha, %1 comparisons judged twice or more): verdict %2, safety %3, language %4.</source>
        <translation>评审者之间的一致性（Krippendorff alpha，%1 个比较被评判两次或以上）：判定 %2，安全性 %3，语言 %4。</translation>
    </message>
    <message>
        <source>Automatic metric</source>
        <translation>自动指标</translation>
    </message>
    <message>
        <source>Spearman with safety (n)</source>
        <translation>与安全性的 Spearman 相关 (n)</translation>
    </message>
    <message>
        <source>Spearman with verdicts (n)</source>
        <translation>与判定的 Spearman 相关 (n)</translation>
    </message>
    <message>
        <source>Bradley–Terry log-strength</source>
        <translation>Bradley–Terry 对数强度</translation>
    </message>
    <message>
        <source>Export plot…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>review-ranking</source>
        <translation>评审排名</translation>
    </message>
    <message>
        <source>Review results</source>
        <translation>审阅结果</translation>
    </message>
    <message>
        <source>Computing the results (bootstrap intervals)…</source>
        <translation>正在计算结果(bootstrap 区间)…</translation>
    </message>
</context>
<context>
    <name>ReviewSessionDialog</name>
    <message>
        <source>New review session</source>
        <translation>新建评审会话</translation>
    </message>
    <message>
        <source>review %1</source>
        <translation>评审 %1</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 outputs)</source>
        <translation>%1（%3 个输出中已有 %2 个）</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>姓名，用逗号分隔</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Runs to compare</source>
        <translation>要比较的运行</translation>
    </message>
    <message>
        <source>Items (drawn by risk)</source>
        <translation>条目数（按风险分层抽取）</translation>
    </message>
    <message>
        <source>Reviewers per comparison</source>
        <translation>每个比较的评审者人数</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评审者</translation>
    </message>
    <message>
        <source>Name at least %1 reviewers, one for each judgement of a comparison.</source>
        <translation>请至少填写 %1 名评审者，每个比较的每条评判一人。</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Output A</source>
        <translation>输出 A</translation>
    </message>
    <message>
        <source>Output B</source>
        <translation>输出 B</translation>
    </message>
    <message>
        <source>Review session:</source>
        <translation>评审会话：</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>新建会话…</translation>
    </message>
    <message>
        <source>Results…</source>
        <translation>结果…</translation>
    </message>
    <message>
        <source>Show the reference rewrite (R)</source>
        <translation>显示参考改写 (R)</translation>
    </message>
    <message>
        <source>A is better (A)</source>
        <translation>A 更好 (A)</translation>
    </message>
    <message>
        <source>B is better (B)</source>
        <translation>B 更好 (B)</translation>
    </message>
    <message>
        <source>Tie (T)</source>
        <translation>平局 (T)</translation>
    </message>
    <message>
        <source>Both unsafe (U)</source>
        <translation>都不安全 (U)</translation>
    </message>
    <message>
        <source>Comment (C to write, Enter to go back to the keys)</source>
        <translation>评论（按 C 输入，按 Enter 返回快捷键）</translation>
    </message>
    <message>
        <source>Original text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Review: A is better</source>
        <translation>评审：A 更好</translation>
    </message>
    <message>
        <source>Review: B is better</source>
        <translation>评审：B 更好</translation>
    </message>
    <message>
        <source>Review: tie</source>
        <translation>评审：平局</translation>
    </message>
    <message>
        <source>Review: both unsafe</source>
        <translation>评审：都不安全</translation>
    </message>
    <message>
        <source>Review: next comparison</source>
        <translation>评审：下一个比较</translation>
    </message>
    <message>
        <source>Review: previous comparison</source>
        <translation>评审：上一个比较</translation>
    </message>
    <message>
        <source>Review: next score</source>
        <translation>评审：下一个评分项</translation>
    </message>
    <message>
        <source>Review: previous score</source>
        <translation>评审：上一个评分项</translation>
    </message>
    <message>
        <source>Review: show or hide the reference rewrite</source>
        <translation>评审：显示或隐藏参考改写</translation>
    </message>
    <message>
        <source>Review: write a comment</source>
        <translation>评审：写评论</translation>
    </message>
    <message>
        <source>Review: score %1 for the active field</source>
        <translation>评审：为当前评分项打 %1 分</translation>
    </message>
    <message>
        <source>No comparisons are assigned to you. Create a review session with “New session…” or ask for an assignment (srllm review assign).</source>
        <translation>没有分配给你的比较。请用“新建会话…”创建评审会话，或请求分配（srllm review assign）。</translation>
    </message>
    <message>
        <source>(no reference rewrite)</source>
        <translation>（无参考改写）</translation>
    </message>
    <message>
        <source>Choose a verdict (A, B, T or U) to save this comparison.</source>
        <translation>请选择判定（A、B、T 或 U）以保存此比较。</translation>
    </message>
    <message>
        <source>Review judgement</source>
        <translation>评审判定</translation>
    </message>
    <message>
        <source>Comparison %1 of %2 · %3 judged</source>
        <translation>第 %1 / %2 个比较 · 已评判 %3 个</translation>
    </message>
    <message>
        <source>The runs behind A and B are shown after you have judged.</source>
        <translation>评判后才会显示 A 和 B 来自哪个运行。</translation>
    </message>
    <message>
        <source>Judged. A was &lt;b&gt;%1&lt;/b&gt;, B was &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>已评判。A 来自 &lt;b&gt;%1&lt;/b&gt;，B 来自 &lt;b&gt;%2&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Package…</source>
        <translation>打包…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Bring judged review packages back (merging twice is merging once).</source>
        <translation>合并已评审的工作包(重复合并等同于合并一次)。</translation>
    </message>
    <message>
        <source>Write a reviewer&apos;s comparisons of a session as a blind package to judge offline.</source>
        <translation>将某位评审员在一个会话中的比较写成盲评工作包,以便离线评审。</translation>
    </message>
</context>
<context>
    <name>RewriteEditor</name>
    <message>
        <source>Start from original</source>
        <translation>以原文为起点</translation>
    </message>
    <message>
        <source>Benign rewrite: keep the message, drop the bias (leave empty if the text is benign)</source>
        <translation>无害改写:保留原意,去除偏见(若文本本身无害则留空)</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>no rewrite</source>
        <translation>无改写</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) removed</source>
        <translation>
            <numerusform>删除 %n 个词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) added</source>
        <translation>
            <numerusform>新增 %n 个词</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RewriteMetricsLine</name>
    <message>
        <source>chrF %1</source>
        <translation>chrF %1</translation>
    </message>
    <message>
        <source>length %1×</source>
        <translation>长度 %1×</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>年级 %1</translation>
    </message>
    <message>
        <source>grade unavailable: %1</source>
        <translation>年级不可用:%1</translation>
    </message>
    <message>
        <source>chrF: character n-gram F-score of the rewrite against the original (0–100, higher keeps more of it). Length: rewrite length / original length in characters. Grade: Flesch-Kincaid grade level of the rewrite (syllables from the CMU Pronouncing Dictionary). Toxicity: the project&apos;s risk scorer&apos;s probability that the rewrite is toxic (0–1), when the project has a scorer.</source>
        <translation>chrF:改写相对原文的字符 n-gram F 分数(0–100,越高保留原文越多)。长度:改写长度 / 原文长度(按字符计)。年级:改写的 Flesch-Kincaid 年级水平(音节数取自 CMU 发音词典)。毒性:项目设有评分器时,项目风险评分器判断改写有毒的概率(0–1)。</translation>
    </message>
    <message>
        <source>toxicity %1</source>
        <translation>毒性 %1</translation>
    </message>
</context>
<context>
    <name>RoutingDialog</name>
    <message>
        <source>Route items whose annotators disagree</source>
        <translation>分派标注者意见不一致的条目</translation>
    </message>
    <message>
        <source>Disagreement routing</source>
        <translation>分歧分派</translation>
    </message>
    <message>
        <source>An item is routed when, on a field, fewer than this share of its annotators agree (1.00: any disagreement; 0.60: two of three agreeing is enough)</source>
        <translation>当某个字段上一致的标注者比例低于此值时分派该条目(1.00:任何分歧;0.60:三人中两人一致即可)</translation>
    </message>
    <message>
        <source>one more annotator, then an expert</source>
        <translation>再加一位标注者,然后交由专家</translation>
    </message>
    <message>
        <source>an expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Route when agreement is below:</source>
        <translation>一致性低于此值时分派:</translation>
    </message>
    <message>
        <source>Route to:</source>
        <translation>分派给:</translation>
    </message>
    <message>
        <source>Fields that count:</source>
        <translation>计入的字段:</translation>
    </message>
    <message numerus="yes">
        <source>Saved; %n item(s) routed now.</source>
        <translation>
            <numerusform>已保存;现已分派 %n 个条目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved; routing is off.</source>
        <translation>已保存;分派已关闭。</translation>
    </message>
</context>
<context>
    <name>RunLogView</name>
    <message>
        <source>on %1 (%2), %3 steps, %4 of %5 parameters trainable</source>
        <translation>于 %1(%2),共 %3 步,%5 个参数中 %4 个可训练</translation>
    </message>
    <message>
        <source>resumed from step %1 %2</source>
        <translation>从第 %1 步恢复,%2</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>已开始,%1</translation>
    </message>
    <message>
        <source>step %1/%2 · loss %3 · lr %4 · grad norm %5 · %6 tokens/s · %7 left</source>
        <translation>第 %1/%2 步 · 损失 %3 · 学习率 %4 · 梯度范数 %5 · %6 词元/秒 · 剩余 %7</translation>
    </message>
    <message>
        <source>eval at step %1: loss %2</source>
        <translation>第 %1 步评估:损失 %2</translation>
    </message>
    <message>
        <source>, %1% toxic</source>
        <translation>,%1% 有毒</translation>
    </message>
    <message>
        <source>checkpoint saved at step %1: %2</source>
        <translation>第 %1 步已保存检查点:%2</translation>
    </message>
    <message numerus="yes">
        <source>warning (%1, %n time(s), first at lines %2): %3</source>
        <translation>
            <numerusform>警告(%1,共 %n 次,首次出现在第 %2 行):%3</numerusform>
        </translation>
    </message>
    <message>
        <source>done: stopped early after %1 steps</source>
        <translation>完成:%1 步后提前停止</translation>
    </message>
    <message>
        <source>done: %1 steps</source>
        <translation>完成:%1 步</translation>
    </message>
    <message>
        <source>; best eval loss %1 at step %2</source>
        <translation>;最佳评估损失 %1(第 %2 步)</translation>
    </message>
    <message>
        <source>; %1</source>
        <translation>;%1</translation>
    </message>
    <message>
        <source>cancelled at step %1; Resume continues from %2</source>
        <translation>已在第 %1 步取消;“继续”将从 %2 接着训练</translation>
    </message>
    <message>
        <source>failed at step %1: %2</source>
        <translation>在第 %1 步失败:%2</translation>
    </message>
    <message>
        <source>log.jsonl is unreadable: %1</source>
        <translation>无法读取 log.jsonl:%1</translation>
    </message>
    <message numerus="yes">
        <source>warning (%1, %n time(s)): %2</source>
        <translation>
            <numerusform>警告(%1,共 %n 次):%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Run record</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>log.jsonl is unreadable: %1</source>
        <translation>无法读取 log.jsonl:%1</translation>
    </message>
</context>
<context>
    <name>RunRecordView</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Job folder</source>
        <translation>任务文件夹</translation>
    </message>
    <message>
        <source> (stopped early)</source>
        <translation>(提前停止)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>%1 of %2 (resumed from step %3)</source>
        <translation>%1 / %2(从第 %3 步恢复)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Last train loss</source>
        <translation>最后训练损失</translation>
    </message>
    <message>
        <source>Best eval loss</source>
        <translation>最佳评估损失</translation>
    </message>
    <message>
        <source>%1 at step %2</source>
        <translation>%1(第 %2 步)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1,%2</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>峰值内存</translation>
    </message>
    <message>
        <source>Code version</source>
        <translation>代码版本</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Newest checkpoint</source>
        <translation>最新检查点</translation>
    </message>
    <message>
        <source>no run has ended yet</source>
        <translation>尚无已结束的运行</translation>
    </message>
    <message>
        <source>run.json</source>
        <translation>run.json</translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation>无法读取:%1</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1(id %2)</translation>
    </message>
    <message>
        <source>Snapshot hash</source>
        <translation>快照哈希</translation>
    </message>
    <message>
        <source>Splits</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>train on &apos;%1&apos;, validate on &apos;%2&apos;</source>
        <translation>在“%1”上训练,在“%2”上验证</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Response rule</source>
        <translation>回复规则</translation>
    </message>
    <message>
        <source>Special tokens</source>
        <translation>特殊词元</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), %1</source>
        <translation>
            <numerusform>%n 条记录,%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>job.json</source>
        <translation>job.json</translation>
    </message>
</context>
<context>
    <name>SessionStatusBar</name>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>项目:%1</translation>
    </message>
    <message>
        <source>Annotator: %1 (%2)</source>
        <translation>标注者:%1(%2)</translation>
    </message>
    <message>
        <source>Progress: %1 / %2 done</source>
        <translation>进度:已完成 %1 / %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Remove shortcut</source>
        <translation>移除快捷键</translation>
    </message>
    <message>
        <source>New shortcut:</source>
        <translation>新快捷键:</translation>
    </message>
    <message>
        <source>%1 is already used by &quot;%2&quot;.</source>
        <translation>%1 已被“%2”使用。</translation>
    </message>
</context>
<context>
    <name>SlurmClient</name>
    <message>
        <source>%1 ended with exit code %2</source>
        <translation>%1 以退出码 %2 结束</translation>
    </message>
    <message>
        <source>%1 could not be run: %2</source>
        <translation>无法运行 %1:%2</translation>
    </message>
    <message>
        <source>sbatch gave no job id: %1</source>
        <translation>sbatch 未给出作业编号:%1</translation>
    </message>
    <message>
        <source>Slurm job %1 was submitted, but its id could not be saved: %2</source>
        <translation>Slurm 作业 %1 已提交,但其编号无法保存:%2</translation>
    </message>
</context>
<context>
    <name>SlurmSubmitDialog</name>
    <message>
        <source>the partition&apos;s limit</source>
        <translation>分区的时间上限</translation>
    </message>
    <message>
        <source>the cluster&apos;s default</source>
        <translation>集群默认值</translation>
    </message>
    <message>
        <source>your default account</source>
        <translation>您的默认账户</translation>
    </message>
    <message>
        <source>Submit to Slurm</source>
        <translation>提交到 Slurm</translation>
    </message>
    <message>
        <source>none (CPU)</source>
        <translation>无(CPU)</translation>
    </message>
    <message>
        <source>Minutes, H:MM:SS or D-HH:MM:SS; the run checkpoints 120 s before the limit</source>
        <translation>分钟数、H:MM:SS 或 D-HH:MM:SS;运行会在时限前 120 秒保存检查点</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点数</translation>
    </message>
    <message>
        <source>GPUs per node</source>
        <translation>每节点 GPU 数</translation>
    </message>
    <message>
        <source>CPUs per process</source>
        <translation>每进程 CPU 数</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间上限</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is written as an sbatch script (slurm.sbatch in its folder) and submitted. One process per GPU, or one per node without GPUs; the job folder and the srllm program must be on a file system every node sees.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 将写成 sbatch 脚本(其文件夹中的 slurm.sbatch)并提交。每个 GPU 一个进程,无 GPU 时每个节点一个进程;任务文件夹和 srllm 程序必须位于所有节点都能访问的文件系统上。</translation>
    </message>
</context>
<context>
    <name>SpanTextView</name>
    <message>
        <source>Biased words: click to remove</source>
        <translation>偏见词:点击移除</translation>
    </message>
    <message>
        <source>Suggested: a candidate biased word (not marked until you mark it)</source>
        <translation>建议:候选偏见词(在您标记之前不会被标记)</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <source>Suggested by %1</source>
        <translation>来自 %1 的建议</translation>
    </message>
    <message>
        <source>A suggestion, not your label: it counts only once you use it or choose the same.</source>
        <translation>这是建议,不是您的标签:只有当您使用它或作出相同选择时才计入。</translation>
    </message>
    <message>
        <source>Use labels</source>
        <translation>使用标签</translation>
    </message>
    <message>
        <source>Mark them</source>
        <translation>标记它们</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate biased word(s), underlined with dots in the text</source>
        <translation>
            <numerusform>%n 个候选偏见词,在文本中以点线下划线标出</numerusform>
        </translation>
    </message>
    <message>
        <source>Use rewrite</source>
        <translation>使用改写</translation>
    </message>
    <message>
        <source>Rewrite: %1</source>
        <translation>改写:%1</translation>
    </message>
    <message>
        <source>the risk scorer %1…</source>
        <translation>风险评分器 %1…</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TaxonomyEditorDialog</name>
    <message>
        <source>Values are ranked (ordinal agreement)</source>
        <translation>取值有序(按有序尺度计算一致性)</translation>
    </message>
    <message>
        <source>Edit taxonomy (new version after v%1)</source>
        <translation>编辑分类体系(在 v%1 之后创建新版本)</translation>
    </message>
    <message>
        <source>single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>One example per line: Value | example text</source>
        <translation>每行一个示例:取值 | 示例文本</translation>
    </message>
    <message>
        <source>Add field…</source>
        <translation>添加字段…</translation>
    </message>
    <message>
        <source>Add value…</source>
        <translation>添加取值…</translation>
    </message>
    <message>
        <source>Rename value…</source>
        <translation>重命名取值…</translation>
    </message>
    <message>
        <source>Remove value…</source>
        <translation>删除取值…</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>键:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>显示名称:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型:</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>定义:</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>取值:</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>示例:</translation>
    </message>
    <message>
        <source>The key stored in every annotation; fixed once a field exists</source>
        <translation>保存在每条标注中的键;字段创建后不可更改</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) added</source>
        <translation>
            <numerusform>新增 %n 个字段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) added</source>
        <translation>
            <numerusform>新增 %n 个取值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) removed or renamed</source>
        <translation>
            <numerusform>删除或重命名 %n 个取值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) reworded</source>
        <translation>
            <numerusform>修改 %n 个字段的措辞</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value mapping(s) recorded</source>
        <translation>
            <numerusform>记录 %n 条取值映射</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>尚无改动。</translation>
    </message>
    <message>
        <source>Changes: %1.</source>
        <translation>改动:%1。</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Key (lowercase, stored in annotations):</source>
        <translation>键(小写,保存在标注中):</translation>
    </message>
    <message>
        <source>Add value</source>
        <translation>添加取值</translation>
    </message>
    <message>
        <source>New value of %1:</source>
        <translation>%1 的新取值:</translation>
    </message>
    <message>
        <source>Value in use</source>
        <translation>取值正在使用</translation>
    </message>
    <message>
        <source>%1 = &quot;%2&quot; is used by %3 annotation(s) and %4 gold label(s). They keep &quot;%2&quot; under taxonomy v%5.

Record the mapping &quot;%2&quot; → &quot;%6&quot; in the new version?</source>
        <translation>%1 = “%2”被 %3 条标注和 %4 个金标准标签使用。它们在分类体系 v%5 下保留“%2”。

要在新版本中记录映射“%2” → “%6”吗?</translation>
    </message>
    <message>
        <source>Rename value</source>
        <translation>重命名取值</translation>
    </message>
    <message>
        <source>New name for &quot;%1&quot;:</source>
        <translation>“%1”的新名称:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by %2 annotation(s) and %3 gold label(s), so it cannot simply be removed.
Map it to:</source>
        <translation>“%1”被 %2 条标注和 %3 个金标准标签使用,因此不能直接删除。
将其映射到:</translation>
    </message>
    <message>
        <source>Taxonomy not saved</source>
        <translation>分类体系未保存</translation>
    </message>
</context>
<context>
    <name>TrainFormat</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>TrainView</name>
    <message>
        <source>New job</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>丢弃…</translation>
    </message>
    <message>
        <source>Run the selected job from the beginning</source>
        <translation>从头运行所选任务</translation>
    </message>
    <message>
        <source>Save a checkpoint and stop (Resume continues from it); a queued job leaves the queue</source>
        <translation>保存检查点并停止(“继续”将从此处接着训练);排队中的任务会移出队列</translation>
    </message>
    <message>
        <source>Continue from the newest checkpoint with its optimizer state, random state and data position</source>
        <translation>从最新检查点继续,包括其优化器状态、随机状态和数据位置</translation>
    </message>
    <message>
        <source>Delete the job&apos;s checkpoints, results and log after a confirmation; job.json and its data stay</source>
        <translation>确认后删除该任务的检查点、结果和日志;job.json 及其数据保留</translation>
    </message>
    <message>
        <source>New job…</source>
        <translation>新任务…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jobs of this project&lt;/b&gt; (one runs per device at a time)</source>
        <translation>&lt;b&gt;本项目的任务&lt;/b&gt;(每个设备同时只运行一个)</translation>
    </message>
    <message>
        <source>Resume from step %1</source>
        <translation>从第 %1 步继续</translation>
    </message>
    <message>
        <source>Discard job outputs</source>
        <translation>丢弃任务输出</translation>
    </message>
    <message>
        <source>Delete the checkpoints, results and log of %1?

job.json and the frozen data stay in the folder; the job leaves this project&apos;s list. This cannot be undone.</source>
        <translation>删除 %1 的检查点、结果和日志?

job.json 和冻结的数据保留在文件夹中;该任务将从本项目列表中移除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Discard outputs</source>
        <translation>丢弃输出</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Nothing was deleted: %1</source>
        <translation>未删除任何内容:%1</translation>
    </message>
    <message>
        <source>Submit to Slurm…</source>
        <translation>提交到 Slurm…</translation>
    </message>
    <message>
        <source>Write the job&apos;s sbatch script and submit it to the cluster; Cancel stops it with a checkpoint</source>
        <translation>写出该任务的 sbatch 脚本并提交到集群;“取消”会在保存检查点后停止它</translation>
    </message>
    <message>
        <source>Submitted as Slurm job %1. Its progress is read from log.jsonl in the job folder.</source>
        <translation>已提交为 Slurm 作业 %1。其进度从任务文件夹中的 log.jsonl 读取。</translation>
    </message>
    <message>
        <source>Slurm: %1</source>
        <translation>Slurm:%1</translation>
    </message>
    <message>
        <source>Slurm job %1 was asked to stop; a running job saves a checkpoint first, so it can resume.</source>
        <translation>已请求 Slurm 作业 %1 停止;运行中的作业会先保存检查点,因此可以继续。</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Submitting %1 to Slurm…</source>
        <translation>正在将 %1 提交到 Slurm…</translation>
    </message>
</context>
<context>
    <name>TrainingCharts</name>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>tokens per second</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>eval</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Save one of the charts as PNG, SVG or PDF</source>
        <translation>将其中一张图表保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>No steps yet.</source>
        <translation>尚无训练步。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>memory %1 (peak %2)</source>
        <translation>内存 %1(峰值 %2)</translation>
    </message>
    <message numerus="yes">
        <source>resumed %n time(s)</source>
        <translation>
            <numerusform>已恢复 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VoteComparisonTable</name>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>Majority</source>
        <translation>多数</translation>
    </message>
    <message>
        <source>Biased words</source>
        <translation>偏见词</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>The annotators disagree on this row</source>
        <translation>标注者在此行上存在分歧</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>SR-LLM Workbench</source>
        <translation>SR-LLM 工作台</translation>
    </message>
    <message>
        <source>Label texts for bias, toxicity and harm, mark biased words and write benign rewrites. Everything stays in one project file on this computer.</source>
        <translation>为文本标注偏见、毒性和危害,标记偏见词并撰写无害改写。所有数据都保存在本机的一个项目文件中。</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>No recent projects. Create one, or open a .srllm file.</source>
        <translation>没有最近的项目。请新建一个,或打开一个 .srllm 文件。</translation>
    </message>
</context>
<context>
    <name>WorkerProcess</name>
    <message>
        <source>(a stderr line longer than the limit was skipped)</source>
        <translation>(跳过了一行超出长度上限的 stderr 输出)</translation>
    </message>
    <message>
        <source>The worker stopped unexpectedly (killed or crashed).</source>
        <translation>工作进程意外停止(被终止或崩溃)。</translation>
    </message>
    <message>
        <source>The worker stopped unexpectedly (killed or crashed); its last message: %1</source>
        <translation>工作进程意外停止(被终止或崩溃);其最后一条消息:%1</translation>
    </message>
    <message>
        <source>The worker exited with code %1.</source>
        <translation>工作进程以代码 %1 退出。</translation>
    </message>
    <message>
        <source>The worker exited with code %1: %2</source>
        <translation>工作进程以代码 %1 退出:%2</translation>
    </message>
    <message>
        <source>Could not start %1: %2 (hint: is srllm installed beside srllm-workbench?)</source>
        <translation>无法启动 %1:%2(提示:srllm 是否安装在 srllm-workbench 旁边?)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>SR-LLM Workbench: annotate, train and evaluate safer LLMs</source>
        <translation>SR-LLM 工作台:标注、训练并评估更安全的大语言模型</translation>
    </message>
    <message>
        <source>Project file (.srllm) to open</source>
        <translation>要打开的项目文件(.srllm)</translation>
    </message>
    <message>
        <source>Annotate as NAME (created when absent) instead of asking</source>
        <translation>以 NAME 身份标注(不存在时自动创建),不再询问</translation>
    </message>
</context>
</TS>
