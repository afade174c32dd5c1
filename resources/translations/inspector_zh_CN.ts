<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyDialog</name>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="31" />
        <source>Rule accuracy</source>
        <translation>规则准确率</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="35" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="35" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="35" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="35" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="36" />
        <source>Precision</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="37" />
        <source>From inspectors' decisions on automatic hits over all reviewed calls.</source>
        <translation>根据质检员对全部已质检通话中自动命中的确认与驳回计算。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="39" />
        <source>No hit has been confirmed or rejected yet.</source>
        <translation>尚无已确认或驳回的命中。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../inspector/ui/actions.py" line="28" />
        <source>&amp;Import folder…</source>
        <translation>导入文件夹(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="29" />
        <source>&amp;Evaluations…</source>
        <translation>评分记录(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="30" />
        <source>Sample calls for review…</source>
        <translation>抽取待质检录音…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="31" />
        <source>&amp;Calibration sessions…</source>
        <translation>校准会(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="32" />
        <source>Leave calibration scoring</source>
        <translation>退出校准评分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="33" />
        <source>&amp;Upload to headquarters…</source>
        <translation>上传到总部(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="34" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="35" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="36" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="37" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="38" />
        <source>Back 1 s</source>
        <translation>后退 1 秒</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="39" />
        <source>Forward 1 s</source>
        <translation>前进 1 秒</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="40" />
        <source>Back 5 s</source>
        <translation>后退 5 秒</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="41" />
        <source>Forward 5 s</source>
        <translation>前进 5 秒</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="42" />
        <source>Go to start</source>
        <translation>跳到开头</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="43" />
        <source>Go to end</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="44" />
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="45" />
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="46" />
        <source>Set loop start (A)</source>
        <translation>设置循环起点 (A)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="47" />
        <source>Set loop end (B)</source>
        <translation>设置循环终点 (B)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="48" />
        <source>Clear loop</source>
        <translation>清除循环</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="49" />
        <source>Both channels</source>
        <translation>双声道</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="50" />
        <source>Agent only</source>
        <translation>仅坐席</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="51" />
        <source>Customer only</source>
        <translation>仅客户</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="52" />
        <source>Volume up</source>
        <translation>音量加</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="53" />
        <source>Volume down</source>
        <translation>音量减</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="54" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="55" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="56" />
        <source>Whole call</source>
        <translation>显示整通</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="57" />
        <source>Scroll left</source>
        <translation>向左滚动</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="58" />
        <source>Scroll right</source>
        <translation>向右滚动</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="59" />
        <source>Next hit</source>
        <translation>下一个命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="60" />
        <source>Previous hit</source>
        <translation>上一个命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="61" />
        <source>Confirm hit</source>
        <translation>确认命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="62" />
        <source>Reject hit</source>
        <translation>驳回命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="63" />
        <source>Check this call again</source>
        <translation>重新检查本通</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="64" />
        <source>Check all calls</source>
        <translation>检查全部录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="65" />
        <source>Compare another rule pack…</source>
        <translation>比较其他规则包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="66" />
        <source>Rule accuracy…</source>
        <translation>规则准确率…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="67" />
        <source>Speech models…</source>
        <translation>语音识别模型…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="68" />
        <source>Transcribe this call</source>
        <translation>转写本通录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="69" />
        <source>Transcribe all calls</source>
        <translation>转写全部录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="71" />
        <source>Export transcript…</source>
        <translation>导出转写文本…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="72" />
        <source>Import transcript…</source>
        <translation>导入转写文本…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="73" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/actions.py" line="74" />
        <source>&amp;About Inspector</source>
        <translation>关于 Inspector(&amp;A)</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/actions.py" line="31" />
        <source>&amp;Reports…</source>
        <translation>报表(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="93" />
        <source>Calibration sessions</source>
        <translation>校准会</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="95" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="95" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="95" />
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="96" />
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="96" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="106" />
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="106" />
        <source>Score these calls</source>
        <translation>为这些通话评分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="107" />
        <location filename="../../inspector/ui/calibration_dialog.py" line="180" />
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="107" />
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="108" />
        <source>Export pack…</source>
        <translation>导出校准包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="109" />
        <source>Import pack…</source>
        <translation>导入校准包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="110" />
        <source>Export my scores…</source>
        <translation>导出我的评分…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="111" />
        <source>Import scores…</source>
        <translation>导入评分…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="136" />
        <source>Revealed</source>
        <translation>已揭晓</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="136" />
        <source>Blind</source>
        <translation>盲评中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="166" />
        <source>Session not created</source>
        <translation>未创建校准会</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="181" />
        <source>Reveal every score of %1? Participants can no longer change their scores.</source>
        <translation>揭晓“%1”的全部评分？揭晓后参与者不能再修改评分。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="187" />
        <source>Not revealed</source>
        <translation>未揭晓</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="212" />
        <location filename="../../inspector/ui/calibration_dialog.py" line="215" />
        <source>Export pack</source>
        <translation>导出校准包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="213" />
        <location filename="../../inspector/ui/calibration_dialog.py" line="219" />
        <source>Calibration pack (*.inspector-pack)</source>
        <translation>校准包 (*.inspector-pack)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="218" />
        <location filename="../../inspector/ui/calibration_dialog.py" line="226" />
        <source>Import pack</source>
        <translation>导入校准包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="223" />
        <source>Already imported: nothing changed</source>
        <translation>已导入过：没有变化</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="224" />
        <source>Session %1: %2 call(s) added</source>
        <translation>校准会“%1”：新增 %2 通通话</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="230" />
        <location filename="../../inspector/ui/calibration_dialog.py" line="234" />
        <source>Export my scores</source>
        <translation>导出我的评分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="232" />
        <location filename="../../inspector/ui/calibration_dialog.py" line="239" />
        <source>Calibration scores (*.inspector-results)</source>
        <translation>校准评分 (*.inspector-results)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="238" />
        <location filename="../../inspector/ui/calibration_dialog.py" line="249" />
        <source>Import scores</source>
        <translation>导入评分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="245" />
        <source>already imported</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="246" />
        <source>%1 stored, %2 unchanged</source>
        <translation>保存 %1 条，未变 %2 条</translation>
    </message>
</context>
<context>
    <name>CallListPane</name>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="135" />
        <source>Search call, agent, business…</source>
        <translation>搜索通话、坐席、业务…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="138" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="141" />
        <source>With hits</source>
        <translation>有命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="142" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="196" />
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/call_list.py" line="214" />
        <source>%n call(s)</source>
        <translation>
            <numerusform>共 %n 通</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="38" />
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="38" />
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="38" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="38" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="39" />
        <source>Business</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="39" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="39" />
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="42" />
        <source>New</source>
        <translation>待质检</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="42" />
        <source>In review</source>
        <translation>质检中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/call_list.py" line="43" />
        <source>Reviewed</source>
        <translation>已质检</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="54" />
        <source>Compare rule pack</source>
        <translation>比较规则包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="57" />
        <source>%1 %2 would change the hits of %3 call(s).</source>
        <translation>%1 %2 将改变 %3 通录音的命中结果。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="60" />
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="60" />
        <source>New hits</source>
        <translation>新增命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="60" />
        <source>Hits gone</source>
        <translation>消失的命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_dialogs.py" line="62" />
        <source>Use this pack and re-check</source>
        <translation>启用此规则包并重新检查</translation>
    </message>
</context>
<context>
    <name>ComparisonWindow</name>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="34" />
        <source>Calibration comparison — %1</source>
        <translation>校准对比 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="40" />
        <source>Grid</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="41" />
        <source>Trend across sessions</source>
        <translation>历次校准趋势</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="50" />
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="55" />
        <source>none (deviation from the participants' mean)</source>
        <translation>无（偏差以参与者均值为参照）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="56" />
        <source>Benchmark: %1 · tolerance: total ±3 points, item agreement ≥ 90 %, fatal items 100 %</source>
        <translation>基准：%1 · 容差：总分 ±3 分，单项一致率 ≥ 90%，致命项 100%</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="58" />
        <source>Not submitted: %1</source>
        <translation>未提交：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="71" />
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="71" />
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="71" />
        <source>Benchmark</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="71" />
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="71" />
        <source>SD</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="72" />
        <source>Range</source>
        <translation>极差</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="72" />
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="90" />
        <source>Deviation %1 from the reference</source>
        <translation>与参照的偏差 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="111" />
        <source>Mean deviation by inspector × item (red: lenient, blue: strict)</source>
        <translation>质检员 × 评分项平均偏差（红：偏松，蓝：偏严）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="133" />
        <source>Inspector / statistic</source>
        <translation>质检员 / 统计量</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="133" />
        <source>Bias / value</source>
        <translation>偏差 / 值</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="134" />
        <source>Noise / 95 % CI</source>
        <translation>离散度 / 95% 置信区间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="134" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="138" />
        <source>lenient</source>
        <translation>偏松</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="138" />
        <source>strict</source>
        <translation>偏严</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="139" />
        <source>on target</source>
        <translation>适中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="152" />
        <source>Each inspector's bias, session by session</source>
        <translation>各质检员历次校准的偏差</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="165" />
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="166" />
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/comparison_window.py" line="173" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>EvaluationsDialog</name>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="22" />
        <source>Evaluations</source>
        <translation>评分记录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="24" />
        <location filename="../../inspector/ui/evaluations_dialog.py" line="49" />
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="26" />
        <source>Agent ID</source>
        <translation>坐席工号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="28" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="28" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="29" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="29" />
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="36" />
        <source>Fatal only</source>
        <translation>仅一票否决</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="37" />
        <source>Call dates</source>
        <translation>通话日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="44" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="49" />
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="49" />
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="50" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="50" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="50" />
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="51" />
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="57" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/evaluations_dialog.py" line="94" />
        <source>%n evaluation(s)</source>
        <translation>
            <numerusform>共 %n 条评分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="100" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/evaluations_dialog.py" line="103" />
        <source>Export evaluations</source>
        <translation>导出评分记录</translation>
    </message>
</context>
<context>
    <name>HitsPane</name>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="29" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="29" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="29" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="30" />
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="30" />
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="38" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="39" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="40" />
        <source>Reject with note…</source>
        <translation>驳回并备注…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="68" />
        <source>Reject hit</source>
        <translation>驳回命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="68" />
        <source>Why is this hit wrong?</source>
        <translation>该命中为什么不成立？</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="79" />
        <source>flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="92" />
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/hits_pane.py" line="94" />
        <source>%n hit(s)</source>
        <translation>
            <numerusform>共 %n 个命中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="102" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hits_pane.py" line="103" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="62" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="63" />
        <source>Imported %1 new call(s); %2 already present; %3 file(s) with problems.</source>
        <translation>新导入 %1 通录音；%2 通已存在；%3 个文件有问题。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="68" />
        <source>The import was cancelled; calls imported so far are kept.</source>
        <translation>导入已取消；已导入的录音均已保留。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="72" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="72" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="16" />
        <source>Create the first team lead</source>
        <translation>创建首个组长账号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="16" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="26" />
        <source>Job number (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="28" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="29" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="31" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="37" />
        <source>This workspace has no users yet: create the team lead's account.</source>
        <translation>此工作区尚无用户：请先创建组长账号。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="47" />
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/login_dialog.py" line="57" />
        <source>Wrong job number or password</source>
        <translation>工号或密码错误</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="84" />
        <source>Inspector — call quality inspection</source>
        <translation>Inspector — 通话质检工作台</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="147" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="147" />
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="147" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="148" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="148" />
        <source>&amp;Rules</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="148" />
        <source>&amp;Speech</source>
        <translation>语音(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="158" />
        <source>Choose a call from the list</source>
        <translation>请从左侧列表选择一通录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="167" />
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="168" />
        <source>Scorecard</source>
        <translation>评分表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="187" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="232" />
        <source>Cannot open this call: %1</source>
        <translation>无法打开该通话：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="235" />
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="238" />
        <source>stereo</source>
        <translation>双声道</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="238" />
        <source>mono</source>
        <translation>单声道</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="243" />
        <source>Import a folder of recordings</source>
        <translation>导入录音文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="260" />
        <source>Imported %1 new call(s)</source>
        <translation>已导入 %1 通新录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="266" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="273" />
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="277" />
        <source>Checking %1</source>
        <translation>正在检查 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="280" />
        <source>Decoding audio…</source>
        <translation>正在解码音频…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="281" />
        <source>Drawing waveform…</source>
        <translation>正在绘制波形…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="300" />
        <source>Playback unavailable</source>
        <translation>无法播放</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="302" />
        <source>Playback unavailable: %1</source>
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="310" />
        <source>This call has no transcript</source>
        <translation>该通话没有转写文本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="312" />
        <source>Export transcript</source>
        <translation>导出转写文本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="313" />
        <location filename="../../inspector/ui/main_window.py" line="325" />
        <source>Transcript v1 (*.json)</source>
        <translation>转写文本 v1 (*.json)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="318" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="323" />
        <source>Open a call first</source>
        <translation>请先打开一通录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="325" />
        <source>Import transcript</source>
        <translation>导入转写文本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="352" />
        <source>Transcript not imported</source>
        <translation>转写文本未导入</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="383" />
        <source>Calibration: %1</source>
        <translation>校准：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="384" />
        <source>Calibration scoring for %1: %2</source>
        <translation>“%1”校准评分：%2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="402" />
        <source>Sample calls</source>
        <translation>抽样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="403" />
        <source>Calls per agent to review:</source>
        <translation>每位坐席抽取通数：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="409" />
        <source>%1 call(s) sampled for review</source>
        <translation>已抽取 %1 通待质检录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="417" />
        <source>About Inspector</source>
        <translation>关于 Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="418" />
        <source>Inspector %1 — call quality-inspection workstation.
Data folder: %2</source>
        <translation>Inspector %1 — 通话质检工作台。
数据文件夹：%2</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="34" />
        <source>New calibration session</source>
        <translation>新建校准会</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="50" />
        <source>more 工号, comma-separated</source>
        <translation>其他工号，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="52" />
        <source>No benchmark</source>
        <translation>不设基准</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="53" />
        <source>Me (%1)</source>
        <translation>我（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="54" />
        <source>Consensus after discussion</source>
        <translation>讨论后的共识</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="59" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="60" />
        <source>Calls (2–%1)</source>
        <translation>通话（2–%1 通）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="61" />
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/calibration_dialog.py" line="63" />
        <source>Benchmark</source>
        <translation>基准</translation>
    </message>
</context>
<context>
    <name>PlaybackController</name>
    <message>
        <location filename="../../inspector/ui/playback.py" line="44" />
        <source>The call's audio is still loading</source>
        <translation>录音仍在加载中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/playback.py" line="45" />
        <source>Open a call first</source>
        <translation>请先打开一通录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/playback.py" line="52" />
        <source>Playback unavailable: %1</source>
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/playback.py" line="92" />
        <source>Loop start set at %1</source>
        <translation>循环起点设在 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/playback.py" line="98" />
        <source>Set the loop start (A) before the loop end (B)</source>
        <translation>请先设置循环起点 (A)，再设置终点 (B)</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="198" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="204" />
        <source>Double-click an agent to list their calls</source>
        <translation>双击坐席即可列出其通话</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="209" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="211" />
        <source>Open agent's calls</source>
        <translation>打开坐席的通话</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="213" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="215" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="248" />
        <source>Call dates</source>
        <translation>通话日期</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="249" />
        <source>Evaluation dates</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="101" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="29" />
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="30" />
        <source>Teams</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="31" />
        <source>Items</source>
        <translation>评分项</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="32" />
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="33" />
        <source>Distribution</source>
        <translation>分数分布</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="34" />
        <source>Inspectors</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="35" />
        <source>Business types</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="36" />
        <source>Red lines</source>
        <translation>红线</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="39" />
        <source>Agent ranking</source>
        <translation>坐席排名</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="40" />
        <source>Weekly trend</source>
        <translation>周趋势</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="41" />
        <source>Points lost by agent</source>
        <translation>坐席失分项</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="43" />
        <source>Points lost by team</source>
        <translation>班组失分项</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="45" />
        <source>Rule hits</source>
        <translation>规则命中</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="46" />
        <source>Red-line rules</source>
        <translation>红线规则</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="47" />
        <source>Rules by week</source>
        <translation>规则周趋势</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="49" />
        <source>Evaluations per day</source>
        <translation>每日评估数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="51" />
        <source>Score distribution</source>
        <translation>分数分布</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="52" />
        <source>Red lines by rule and agent</source>
        <translation>红线汇总（按规则、坐席）</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="53" />
        <source>Red-line cases</source>
        <translation>红线案例</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="56" />
        <source>Mean score per agent</source>
        <translation>坐席平均分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="57" />
        <source>Mean score per agent and week</source>
        <translation>坐席周平均分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="58" />
        <source>Mean score per team</source>
        <translation>班组平均分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="59" />
        <source>Mean points lost per item</source>
        <translation>评分项平均扣分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="60" />
        <source>Hits per 100 calls</source>
        <translation>每百通命中</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="61" />
        <source>Leniency: inspector's mean minus everyone's (+ lenient)</source>
        <translation>宽严度：质检员均分减整体均分（正为偏松）</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="62" />
        <source>Mean score per business type</source>
        <translation>业务类型平均分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="63" />
        <source>Scores</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="64" />
        <source>Open red-line cases per rule</source>
        <translation>未结红线（按规则）</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="67" />
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="68" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="69" />
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="70" />
        <source>Calls</source>
        <translation>通话数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="71" />
        <source>Evaluations</source>
        <translation>评估数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="72" />
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="73" />
        <source>Lowest</source>
        <translation>最低分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="74" />
        <source>Fatal</source>
        <translation>致命项</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="75" />
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="76" />
        <source>Loses most on</source>
        <translation>主要失分项</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="77" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="78" />
        <source>Week of</source>
        <translation>周期起始</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="79" />
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="80" />
        <source>Times lost</source>
        <translation>扣分次数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="81" />
        <source>Mean lost</source>
        <translation>平均扣分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="84" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="85" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="86" />
        <source>Loss rate</source>
        <translation>扣分率</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="87" />
        <source>Total lost</source>
        <translation>累计扣分</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="88" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="89" />
        <source>Hits</source>
        <translation>命中数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="90" />
        <source>Calls with hits</source>
        <translation>命中通话数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="91" />
        <source>Per 100 calls</source>
        <translation>每百通命中</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="92" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="93" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="94" />
        <source>Precision</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="95" />
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="96" />
        <source>Leniency</source>
        <translation>宽严度</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="97" />
        <source>Days</source>
        <translation>工作天数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="98" />
        <source>Per day</source>
        <translation>日均评估</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="99" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="100" />
        <source>Business type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="102" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="104" />
        <source>By</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="105" />
        <source>Rule or agent</source>
        <translation>规则/工号</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="106" />
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="107" />
        <source>Closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="108" />
        <source>Oldest open (days)</source>
        <translation>最长未结天数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="109" />
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="110" />
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="111" />
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="112" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="113" />
        <source>Age (days)</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="116" />
        <source>item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="117" />
        <source>fatal</source>
        <translation>致命项</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="118" />
        <source>open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="119" />
        <source>closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="120" />
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="121" />
        <source>agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="122" />
        <source>team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="250" />
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="256" />
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="257" />
        <source>All teams</source>
        <translation>全部班组</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="258" />
        <source>All inspectors</source>
        <translation>全部质检员</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="259" />
        <source>All business types</source>
        <translation>全部业务类型</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="260" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="263" />
        <source>This workspace has no call categories yet</source>
        <translation>本工作区还没有通话类别</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="264" />
        <source>All card versions</source>
        <translation>全部评分表版本</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="268" />
        <source>Pass mark </source>
        <translation>合格线 </translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="315" />
        <source>Reading evaluations… %1</source>
        <translation>正在读取评估…… %1</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="316" />
        <source>Counting rule hits…</source>
        <translation>正在统计规则命中……</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="316" />
        <source>Listing red lines…</source>
        <translation>正在列出红线……</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="317" />
        <source>Computing…</source>
        <translation>正在计算……</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="324" />
        <source>Based on %1 call(s) and %2 submitted evaluation(s); rule rates on %3 checked call(s)</source>
        <translation>基于 %1 通通话、%2 份已提交评估；规则命中率基于 %3 通已检查通话</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="363" />
        <source>This report as HTML…</source>
        <translation>本报表导出为 HTML…</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="364" />
        <source>This report as Excel (XLSX)…</source>
        <translation>本报表导出为 Excel（XLSX）…</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="365" />
        <source>This report's table as CSV…</source>
        <translation>本报表的表格导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="366" />
        <source>All reports as HTML…</source>
        <translation>全部报表导出为 HTML…</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="367" />
        <source>All reports as Excel (XLSX)…</source>
        <translation>全部报表导出为 Excel（XLSX）…</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="373" />
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../work/h16/inspector/ui/reports_window.py" line="381" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>RulesController</name>
    <message>
        <location filename="../../inspector/ui/rules_controller.py" line="57" />
        <source>Using the default rule pack: %1</source>
        <translation>改用默认规则包：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_controller.py" line="61" />
        <source>Rule pack to compare</source>
        <translation>选择要比较的规则包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_controller.py" line="62" />
        <source>Rule packs (*.toml)</source>
        <translation>规则包 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_controller.py" line="71" />
        <source>Rule pack not loaded</source>
        <translation>规则包未加载</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_controller.py" line="105" />
        <source>This call has no transcript to check</source>
        <translation>该通话没有可检查的转写文本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_controller.py" line="130" />
        <source>Checked %1 call(s) with %2</source>
        <translation>已用 %2 检查 %1 通录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/rules_controller.py" line="141" />
        <source>No further hit</source>
        <translation>没有更多命中</translation>
    </message>
</context>
<context>
    <name>ScorecardPane</name>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="44" />
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="44" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="44" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="44" />
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="48" />
        <source>Deduct…</source>
        <translation>扣分…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="49" />
        <location filename="../../inspector/ui/scorecard_pane.py" line="107" />
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="51" />
        <source>Comment…</source>
        <translation>批注…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="52" />
        <source>Anchored to the selection, or to the playhead without one</source>
        <translation>批注锚定到选区；无选区时锚定到播放位置</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="53" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="54" />
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="55" />
        <source>Record appeal…</source>
        <translation>登记申诉…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="56" />
        <source>Resolve appeal…</source>
        <translation>处理申诉…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="94" />
        <source>No evaluation</source>
        <translation>暂无评分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="117" />
        <source>Fatal items</source>
        <translation>一票否决项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="124" />
        <source>Pending review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="124" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="125" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="136" />
        <source>Comments</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="142" />
        <source>Appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="144" />
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="144" />
        <location filename="../../inspector/ui/scorecard_pane.py" line="251" />
        <location filename="../../inspector/ui/scorecard_pane.py" line="256" />
        <source>Upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="144" />
        <location filename="../../inspector/ui/scorecard_pane.py" line="251" />
        <source>Dismissed</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="150" />
        <source>Total: %1</source>
        <translation>总分：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="152" />
        <source>(fatal item confirmed)</source>
        <translation>（一票否决已确认）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="154" />
        <source>(fatal item waiting for review)</source>
        <translation>（一票否决项待复核）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="157" />
        <source>Draft, saved</source>
        <translation>草稿，已保存</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="157" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="158" />
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="191" />
        <source>set by the inspector</source>
        <translation>质检员设定</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="237" />
        <source>Reopen evaluation</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="237" />
        <source>Why is it reopened?</source>
        <translation>重新打开的原因？</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="242" />
        <source>Record appeal</source>
        <translation>登记申诉</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="242" />
        <source>The agent's reasons:</source>
        <translation>坐席的申诉理由：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="250" />
        <location filename="../../inspector/ui/scorecard_pane.py" line="254" />
        <source>Resolve appeal</source>
        <translation>处理申诉</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="250" />
        <source>Decision:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="254" />
        <source>Resolution:</source>
        <translation>处理说明：</translation>
    </message>
</context>
<context>
    <name>ScoringController</name>
    <message>
        <location filename="../../inspector/ui/scoring_controller.py" line="103" />
        <location filename="../../inspector/ui/scoring_controller.py" line="105" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scoring_controller.py" line="118" />
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scoring_controller.py" line="125" />
        <source>Not resolved</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scoring_controller.py" line="135" />
        <source>Not reopened</source>
        <translation>未能重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scoring_controller.py" line="145" />
        <source>Evaluation submitted</source>
        <translation>评分已提交</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scoring_controller.py" line="147" />
        <source>Not submitted</source>
        <translation>未提交</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="38" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="44" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="45" />
        <source>A new language takes effect when Inspector is started again.</source>
        <translation>新的界面语言将在重新启动 Inspector 后生效。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="16" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="20" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dialogs.py" line="20" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SpeechController</name>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="42" />
        <source>Model not usable</source>
        <translation>模型不可用</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="49" />
        <source>Model zip</source>
        <translation>模型压缩包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="49" />
        <source>Zip (*.zip)</source>
        <translation>压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="51" />
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="65" />
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="65" />
        <source>ready</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="66" />
        <source>Speech model installed (%1): %2</source>
        <translation>语音模型已安装（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="71" />
        <source>Model not installed</source>
        <translation>模型未安装</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="82" />
        <source>Open a call first</source>
        <translation>请先打开一通录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="101" />
        <source>Some calls were not transcribed</source>
        <translation>部分录音未能转写</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="107" />
        <source>Transcribed %1 call(s)</source>
        <translation>已转写 %1 通录音</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="112" />
        <source>Speech recognition</source>
        <translation>语音识别</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="118" />
        <source>, about %1 s left</source>
        <translation>，约剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="121" />
        <source>Transcribing %1/%2%3</source>
        <translation>正在转写 %1/%2%3</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_controller.py" line="125" />
        <source>Installing model: %1</source>
        <translation>正在安装模型：%1</translation>
    </message>
</context>
<context>
    <name>SpeechModelsDialog</name>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="19" />
        <source>Speech models</source>
        <translation>语音识别模型</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="22" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="22" />
        <source>Found in</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="22" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="23" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="24" />
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="24" />
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="25" />
        <source>data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="25" />
        <source>Python package</source>
        <translation>Python 包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="26" />
        <source>~/.cache/vosk</source>
        <translation>~/.cache/vosk</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="29" />
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="29" />
        <source>ready</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="32" />
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="44" />
        <source>No usable speech model. Import the official vosk-model-small-cn-0.22.zip (or its unpacked folder); playback, imported transcripts and the acoustic checks work without one.</source>
        <translation>没有可用的语音识别模型。请导入官方 vosk-model-small-cn-0.22.zip（或其解压后的文件夹）；没有模型时，播放、导入的转写文本和声学检查仍可使用。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="47" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="48" />
        <source>Import zip…</source>
        <translation>导入压缩包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/speech_dialogs.py" line="52" />
        <source>Use selected model</source>
        <translation>使用所选模型</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="51" />
        <source>Upload to headquarters</source>
        <translation>上传到总部</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="55" />
        <source>Evaluation</source>
        <translation>评分记录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="55" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="55" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="56" />
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="63" />
        <source>Upload now</source>
        <translation>立即上传</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="64" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="66" />
        <source>Export bundle…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="67" />
        <source>with transcripts</source>
        <translation>包含转写文本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="68" />
        <source>unmasked personal data</source>
        <translation>不遮盖个人信息</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="70" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="95" />
        <source>Not set up: enter the centre id and key under Settings</source>
        <translation>尚未设置：请在“设置”中填写中心编号和密钥</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="96" />
        <source>Centre %1 · workstation %2 · %3</source>
        <translation>中心 %1 · 工作站 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="97" />
        <source>no address</source>
        <translation>未设上传地址</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="99" />
        <source>pending</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="99" />
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="99" />
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="100" />
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="111" />
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="112" />
        <source>Set the centre id, key, upload address and token under Settings first.</source>
        <translation>请先在“设置”中填写中心编号、密钥、上传地址和令牌。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="141" />
        <source>%1 acknowledged, %2 rejected</source>
        <translation>已确认 %1 条，被拒绝 %2 条</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="144" />
        <source>The receiver lacked %1 version(s) it had acknowledged: sent again</source>
        <translation>总部缺少 %1 条已确认的记录：已重新发送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="146" />
        <source>Count and hash agree with the receiver</source>
        <translation>与总部核对数量和哈希：一致</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="147" />
        <source>Count and hash still differ from the receiver</source>
        <translation>与总部核对数量和哈希：仍不一致</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="148" />
        <source>Upload finished</source>
        <translation>上传完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="152" />
        <source>Upload stopped</source>
        <translation>上传中止</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="160" />
        <location filename="../../inspector/ui/sync_dialog.py" line="162" />
        <location filename="../../inspector/ui/sync_dialog.py" line="173" />
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="160" />
        <source>Set up the centre id and key first.</source>
        <translation>请先设置中心编号和密钥。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="163" />
        <source>Signed bundle (*.inspector-bundle)</source>
        <translation>签名数据包 (*.inspector-bundle)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="186" />
        <source>Sync settings</source>
        <translation>同步设置</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="26" />
        <source>Sync settings</source>
        <translation>同步设置</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="29" />
        <source>empty: make a new key (give it to headquarters)</source>
        <translation>留空：生成新密钥（交给总部）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="35" />
        <source>Centre id</source>
        <translation>中心编号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="36" />
        <source>Centre key (hex)</source>
        <translation>中心密钥（十六进制）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="37" />
        <source>Upload address</source>
        <translation>上传地址</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_dialog.py" line="38" />
        <source>Upload token</source>
        <translation>上传令牌</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="51" />
        <source>Find in transcript</source>
        <translation>在转写文本中查找</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="52" />
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="53" />
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="88" />
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="88" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="88" />
        <source>Unknown</source>
        <translation>未知说话人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="97" />
        <source>No transcript for this call</source>
        <translation>该通话暂无转写文本</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/transcript_pane.py" line="99" />
        <source>Transcript: %n segment(s)</source>
        <translation>
            <numerusform>转写文本：共 %n 句</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="120" />
        <source>Low confidence: %1</source>
        <translation>低置信度：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="212" />
        <source>“%1” is not in the transcript</source>
        <translation>转写文本中没有“%1”</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="225" />
        <source>Correct this word…</source>
        <translation>更正此词…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="226" />
        <source>Correct this sentence…</source>
        <translation>更正此句…</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../inspector/ui/transport.py" line="41" />
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transport.py" line="52" />
        <source>Both channels</source>
        <translation>双声道</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transport.py" line="53" />
        <source>Agent only</source>
        <translation>仅坐席</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transport.py" line="54" />
        <source>Customer only</source>
        <translation>仅客户</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transport.py" line="59" />
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transport.py" line="87" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transport.py" line="87" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transport.py" line="103" />
        <source>Loop %1–%2</source>
        <translation>循环 %1–%2</translation>
    </message>
</context>
<context>
    <name>WaveformPane</name>
    <message>
        <location filename="../../inspector/ui/waveform.py" line="78" />
        <location filename="../../inspector/ui/waveform.py" line="221" />
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/waveform.py" line="78" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/waveform.py" line="221" />
        <source>Unknown</source>
        <translation>未知说话人</translation>
    </message>
</context>
<context>
    <name>_CorrectionDialog</name>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="255" />
        <source>Correct the transcript</source>
        <translation>更正转写文本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="259" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/transcript_pane.py" line="264" />
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
</context>
<context>
    <name>_DeductionDialog</name>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="270" />
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="270" />
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="278" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="279" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/scorecard_pane.py" line="279" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
</TS>