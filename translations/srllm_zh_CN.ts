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
        <source>Read-only: only an annotator with the expert role can decide gold labels (you are %1, role &quot;%2&quot;).</source>
        <translation>只读:只有专家角色的标注者才能决定金标准标签(您是 %1,角色“%2”)。</translation>
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
        <source>Completed items per point of the agreement-over-time chart</source>
        <translation>一致性随时间变化图中每个点的已完成条目数</translation>
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
        <source>Rewrite agreement (mean pairwise chrF, 0–100): %1 %2 over %3 item(s).  Span agreement: α %4 %5, mean pairwise F1 %6 over %7 item(s).</source>
        <translation>改写一致性(两两 chrF 均值,0–100):%1 %2,共 %3 个条目。  片段一致性:α %4 %5,两两 F1 均值 %6,共 %7 个条目。</translation>
    </message>
    <message>
        <source>Agreement over time failed: %1</source>
        <translation>一致性随时间变化计算失败:%1</translation>
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
        <source>&lt;b&gt;No items to annotate yet.&lt;/b&gt; Import a file with &lt;code&gt;srllm import PROJECT FILE&lt;/code&gt;, then reopen the project.</source>
        <translation>&lt;b&gt;尚无可标注的条目。&lt;/b&gt;请用 &lt;code&gt;srllm import PROJECT FILE&lt;/code&gt; 导入文件,然后重新打开项目。</translation>
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
        <source>Evaluating models on the gold labels comes in a later version.</source>
        <translation>基于金标准标签评估模型将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Reviewing model outputs comes in a later version.</source>
        <translation>审阅模型输出将在后续版本中提供。</translation>
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
    <name>SpanTextView</name>
    <message>
        <source>Biased words: click to remove</source>
        <translation>偏见词:点击移除</translation>
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
