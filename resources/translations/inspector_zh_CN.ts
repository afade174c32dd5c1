<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Job number (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>The new user chooses their own password at first log-in.</source>
        <translation>新用户首次登录时设置自己的密码。</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Too many failed attempts: this account is locked until %1 (UTC).</source>
        <translation>失败次数过多：该账号已锁定至 %1（UTC）。</translation>
    </message>
    <message>
        <source>This account is disabled: ask your team lead.</source>
        <translation>该账号已停用，请联系组长。</translation>
    </message>
    <message>
        <source>Wrong job number or password</source>
        <translation>工号或密码错误</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The password may not be the job number.</source>
        <translation>密码不能与工号相同。</translation>
    </message>
    <message>
        <source>The password needs two kinds of characters (letters, digits, symbols).</source>
        <translation>密码需包含两类字符（字母、数字、符号）。</translation>
    </message>
    <message>
        <source>The password may have at most %1 characters.</source>
        <translation>密码最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A job number is 1 to %1 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>工号为 1 至 %1 个字母、数字、“.”、“-”或“_”。</translation>
    </message>
    <message>
        <source>A name is 1 to %1 characters without control characters.</source>
        <translation>姓名为 1 至 %1 个字符，不能含控制字符。</translation>
    </message>
    <message>
        <source>Give your current password first.</source>
        <translation>请先输入当前密码。</translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation>新密码不能与旧密码相同。</translation>
    </message>
    <message>
        <source>A user needs a job number (工号) and a name.</source>
        <translation>用户需要工号和姓名。</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>用户需要姓名。</translation>
    </message>
    <message>
        <source>Unknown role.</source>
        <translation>未知角色。</translation>
    </message>
    <message>
        <source>User %1 already exists.</source>
        <translation>用户 %1 已存在。</translation>
    </message>
    <message>
        <source>This workspace already has users: a team lead adds new ones.</source>
        <translation>此工作区已有用户：新用户由组长添加。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>The workspace must keep at least one active team lead.</source>
        <translation>工作区必须保留至少一名在用的组长。</translation>
    </message>
    <message>
        <source>No user %1.</source>
        <translation>没有用户 %1。</translation>
    </message>
</context>
<context>
    <name>AccuracyDialog</name>
    <message>
        <source>Rule accuracy</source>
        <translation>规则准确率</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>From inspectors&apos; decisions on automatic hits over all reviewed calls.</source>
        <translation>根据质检员对全部已质检通话中自动命中的确认与驳回计算。</translation>
    </message>
    <message>
        <source>No hit has been confirmed or rejected yet.</source>
        <translation>尚无已确认或驳回的命中。</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Precision by confidence band</source>
        <translation>按置信度分段的准确率</translation>
    </message>
</context>
<context>
    <name>AcknowledgementsDialog</name>
    <message>
        <source>Agents&apos; acknowledgements</source>
        <translation>坐席确认情况</translation>
    </message>
    <message>
        <source>Not yet acknowledged only</source>
        <translation>仅显示未确认</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复截止</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>%1 of %2 acknowledged</source>
        <translation>已确认 %1 / %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>申诉驳回</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未确认</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import folder…</source>
        <translation>导入文件夹(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Evaluations…</source>
        <translation>评分记录(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>报表(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Search all calls…</source>
        <translation>全部通话检索(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Voice of the customer…</source>
        <translation>客户之声(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Calibration sessions…</source>
        <translation>校准会(&amp;C)…</translation>
    </message>
    <message>
        <source>Leave calibration scoring</source>
        <translation>退出校准评分</translation>
    </message>
    <message>
        <source>&amp;Upload to headquarters…</source>
        <translation>上传到总部(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>U&amp;sers…</source>
        <translation>用户管理(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;My queue…</source>
        <translation>我的待办(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Sampling plans…</source>
        <translation>抽检计划(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Appeals…</source>
        <translation>申诉(&amp;A)…</translation>
    </message>
    <message>
        <source>Agents&apos; a&amp;cknowledgements…</source>
        <translation>坐席确认情况(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;oaching…</source>
        <translation>辅导(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Red-line register…</source>
        <translation>红线台账(&amp;R)…</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Back 1 s</source>
        <translation>后退 1 秒</translation>
    </message>
    <message>
        <source>Forward 1 s</source>
        <translation>前进 1 秒</translation>
    </message>
    <message>
        <source>Back 5 s</source>
        <translation>后退 5 秒</translation>
    </message>
    <message>
        <source>Forward 5 s</source>
        <translation>前进 5 秒</translation>
    </message>
    <message>
        <source>Go to start</source>
        <translation>跳到开头</translation>
    </message>
    <message>
        <source>Go to end</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Set loop start (A)</source>
        <translation>设置循环起点 (A)</translation>
    </message>
    <message>
        <source>Set loop end (B)</source>
        <translation>设置循环终点 (B)</translation>
    </message>
    <message>
        <source>Clear loop</source>
        <translation>清除循环</translation>
    </message>
    <message>
        <source>Both channels</source>
        <translation>双声道</translation>
    </message>
    <message>
        <source>Agent only</source>
        <translation>仅坐席</translation>
    </message>
    <message>
        <source>Customer only</source>
        <translation>仅客户</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>音量加</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>音量减</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Whole call</source>
        <translation>显示整通</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>向左滚动</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>向右滚动</translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation>下一个命中</translation>
    </message>
    <message>
        <source>Previous hit</source>
        <translation>上一个命中</translation>
    </message>
    <message>
        <source>Confirm hit</source>
        <translation>确认命中</translation>
    </message>
    <message>
        <source>Reject hit</source>
        <translation>驳回命中</translation>
    </message>
    <message>
        <source>Check this call again</source>
        <translation>重新检查本通</translation>
    </message>
    <message>
        <source>Check all calls</source>
        <translation>检查全部录音</translation>
    </message>
    <message>
        <source>Compare another rule pack…</source>
        <translation>比较其他规则包…</translation>
    </message>
    <message>
        <source>Rule accuracy…</source>
        <translation>规则准确率…</translation>
    </message>
    <message>
        <source>Speech models…</source>
        <translation>语音识别模型…</translation>
    </message>
    <message>
        <source>Transcribe this call</source>
        <translation>转写本通录音</translation>
    </message>
    <message>
        <source>Transcribe all calls</source>
        <translation>转写全部录音</translation>
    </message>
    <message>
        <source>Correct this sentence…</source>
        <translation>更正这句…</translation>
    </message>
    <message>
        <source>Export transcript…</source>
        <translation>导出转写文本…</translation>
    </message>
    <message>
        <source>Import transcript…</source>
        <translation>导入转写文本…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Inspector</source>
        <translation>关于 Inspector(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AgentWindow</name>
    <message>
        <source>Inspector — my evaluations</source>
        <translation>Inspector — 我的质检结果</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Call date</source>
        <translation>通话日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复截止</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>评定人</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>确认知悉…</translation>
    </message>
    <message>
        <source>Appeal…</source>
        <translation>申诉…</translation>
    </message>
    <message>
        <source>Listen at moment</source>
        <translation>收听该时刻</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>My evaluations — %1 (%2): %3 evaluations, %4 not yet acknowledged</source>
        <translation>我的质检结果 — %1（%2）：共 %3 条，%4 条未确认</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>waiting for answer</source>
        <translation>等待答复</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>申诉驳回</translation>
    </message>
    <message>
        <source>No submitted evaluations of your calls yet.</source>
        <translation>您的通话还没有已提交的质检结果。</translation>
    </message>
    <message>
        <source> — a red line (fatal item) makes the score 0</source>
        <translation> — 触犯红线（致命项），得分为 0</translation>
    </message>
    <message>
        <source>Call %1 of %2 · score %3%4 · version %5 · acknowledge or appeal by %6</source>
        <translation>通话 %1（%2）· 得分 %3%4 · 第 %5 版 · 请于 %6 前确认或申诉</translation>
    </message>
    <message>
        <source>Deductions</source>
        <translation>扣分项</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>No deductions</source>
        <translation>无扣分</translation>
    </message>
    <message>
        <source>Inspector&apos;s comments</source>
        <translation>质检员评语</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>whole evaluation</source>
        <translation>整体评价</translation>
    </message>
    <message>
        <source>Team lead&apos;s answer</source>
        <translation>组长答复</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>未能确认</translation>
    </message>
    <message>
        <source>Appeal not recorded</source>
        <translation>申诉未记录</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认知悉</translation>
    </message>
    <message>
        <source>You have read this evaluation. Comment (optional):</source>
        <translation>您已阅读此质检结果。意见（可选）：</translation>
    </message>
    <message>
        <source>Cannot play</source>
        <translation>无法播放</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>The whole evaluation</source>
        <translation>整体评价</translation>
    </message>
    <message>
        <source>Why you disagree, and where in the call to listen</source>
        <translation>不同意的理由，以及应复听通话的哪一处</translation>
    </message>
    <message>
        <source>Appeal against:</source>
        <translation>申诉对象：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>AppealsDialog</name>
    <message>
        <source>Appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Uphold…</source>
        <translation>判定成立…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>整体</translation>
    </message>
    <message>
        <source>Why is the appeal upheld?</source>
        <translation>申诉成立的理由：</translation>
    </message>
    <message>
        <source>Why is the appeal rejected?</source>
        <translation>驳回申诉的理由：</translation>
    </message>
    <message>
        <source>Uphold the whole evaluation&apos;s appeal</source>
        <translation>整体申诉判定成立</translation>
    </message>
    <message>
        <source>The appeal is upheld for the ticked items: their deductions are withdrawn and fatal items cleared.</source>
        <translation>申诉对勾选的项目成立：撤销其扣分，清除致命项。</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <source>Calibration sessions</source>
        <translation>校准会</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Score these calls</source>
        <translation>为这些通话评分</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <source>Export pack…</source>
        <translation>导出校准包…</translation>
    </message>
    <message>
        <source>Import pack…</source>
        <translation>导入校准包…</translation>
    </message>
    <message>
        <source>Export my scores…</source>
        <translation>导出我的评分…</translation>
    </message>
    <message>
        <source>Import scores…</source>
        <translation>导入评分…</translation>
    </message>
    <message>
        <source>Revealed</source>
        <translation>已揭晓</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>盲评中</translation>
    </message>
    <message>
        <source>Session not created</source>
        <translation>未创建校准会</translation>
    </message>
    <message>
        <source>Reveal every score of %1? Participants can no longer change their scores.</source>
        <translation>揭晓“%1”的全部评分？揭晓后参与者不能再修改评分。</translation>
    </message>
    <message>
        <source>Not revealed</source>
        <translation>未揭晓</translation>
    </message>
    <message>
        <source>Export packs: one per participant, into a folder</source>
        <translation>导出校准包：每位参与者一个，存入文件夹</translation>
    </message>
    <message>
        <source>Export pack</source>
        <translation>导出校准包</translation>
    </message>
    <message>
        <source>Calibration pack (*.inspector-pack)</source>
        <translation>校准包 (*.inspector-pack)</translation>
    </message>
    <message>
        <source>Import pack</source>
        <translation>导入校准包</translation>
    </message>
    <message>
        <source>Already imported: nothing changed</source>
        <translation>已导入过：没有变化</translation>
    </message>
    <message>
        <source>Session %1: %2 call(s) added</source>
        <translation>校准会“%1”：新增 %2 通通话</translation>
    </message>
    <message>
        <source>Export my scores</source>
        <translation>导出我的评分</translation>
    </message>
    <message>
        <source>Calibration scores (*.inspector-results)</source>
        <translation>校准评分 (*.inspector-results)</translation>
    </message>
    <message>
        <source>Import scores</source>
        <translation>导入评分</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <source>%1 stored, %2 unchanged</source>
        <translation>保存 %1 条，未变 %2 条</translation>
    </message>
</context>
<context>
    <name>CallHeader</name>
    <message>
        <source>Choose a call from the list</source>
        <translation>请从左侧列表选择一通录音</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>双声道</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>单声道</translation>
    </message>
    <message>
        <source>Cannot open this call: %1</source>
        <translation>无法打开该通话：%1</translation>
    </message>
    <message>
        <source>Categories: not yet found</source>
        <translation>类目：尚未归类</translation>
    </message>
    <message>
        <source>Categories: none</source>
        <translation>类目：无</translation>
    </message>
    <message>
        <source>Categories: %1</source>
        <translation>类目：%1</translation>
    </message>
</context>
<context>
    <name>CallListPane</name>
    <message>
        <source>Search call, agent, business…</source>
        <translation>搜索通话、坐席、业务…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>With hits</source>
        <translation>有命中</translation>
    </message>
    <message>
        <source>Auto score &lt; </source>
        <translation>自动评分 &lt; </translation>
    </message>
    <message>
        <source>Any auto score</source>
        <translation>自动评分：全部</translation>
    </message>
    <message>
        <source>Only calls whose automatic score (from the rule hits) is below this</source>
        <translation>只看自动评分（由规则命中算出）低于此分的通话</translation>
    </message>
    <message>
        <source>Emotion worsened</source>
        <translation>情绪恶化</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>共 %n 通</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallOpener</name>
    <message>
        <source>Decoding audio…</source>
        <translation>正在解码音频…</translation>
    </message>
    <message>
        <source>Drawing waveform…</source>
        <translation>正在绘制波形…</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Customer emotion</source>
        <translation>客户情绪</translation>
    </message>
    <message>
        <source>Auto score</source>
        <translation>自动评分</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>tense</source>
        <translation>紧张</translation>
    </message>
    <message>
        <source>upset</source>
        <translation>激动</translation>
    </message>
    <message>
        <source>New</source>
        <translation>待质检</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>质检中</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已质检</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重开</translation>
    </message>
    <message>
        <source>Appealed</source>
        <translation>申诉中</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>%1, your password was set by a team lead: choose your own before you start.</source>
        <translation>%1，您的密码由组长设置：开始工作前请设置您自己的密码。</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>No data for these filters</source>
        <translation>当前筛选条件下没有数据</translation>
    </message>
</context>
<context>
    <name>CoachingDialog</name>
    <message>
        <source>Coaching</source>
        <translation>辅导</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>辅导日期</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>辅导人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Lost before</source>
        <translation>辅导前失分</translation>
    </message>
    <message>
        <source>Lost after</source>
        <translation>辅导后失分</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>下降幅度</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>改进措施</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>标记人</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>新建辅导…</translation>
    </message>
    <message>
        <source>Losses on the coached items in the agent&apos;s evaluations, 90 days before the session against from its day on (95% intervals)</source>
        <translation>坐席在辅导项上的失分：辅导前 90 天与辅导当日起对比（95% 置信区间）</translation>
    </message>
    <message>
        <source>improved</source>
        <translation>已改善</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>变差</translation>
    </message>
    <message>
        <source>not clear yet</source>
        <translation>尚不明确</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Marked for coaching, waiting for a session: %1</source>
        <translation>已标记待辅导：%1 项</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare rule pack</source>
        <translation>比较规则包</translation>
    </message>
    <message>
        <source>%1 %2 would change the hits of %3 call(s).</source>
        <translation>%1 %2 将改变 %3 通录音的命中结果。</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>New hits</source>
        <translation>新增命中</translation>
    </message>
    <message>
        <source>Hits gone</source>
        <translation>消失的命中</translation>
    </message>
    <message>
        <source>Use this pack and re-check</source>
        <translation>启用此规则包并重新检查</translation>
    </message>
</context>
<context>
    <name>ComparisonWindow</name>
    <message>
        <source>Calibration comparison — %1</source>
        <translation>校准对比 — %1</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Trend across sessions</source>
        <translation>历次校准趋势</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>none (deviation from the participants&apos; mean)</source>
        <translation>无（偏差以参与者均值为参照）</translation>
    </message>
    <message>
        <source>Benchmark: %1 · tolerance: total ±3 points, item agreement ≥ 90 %, fatal items 100 %</source>
        <translation>基准：%1 · 容差：总分 ±3 分，单项一致率 ≥ 90%，致命项 100%</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>未提交：%1</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>极差</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Deviation %1 from the reference</source>
        <translation>与参照的偏差 %1</translation>
    </message>
    <message>
        <source>Auto score</source>
        <translation>自动评分</translation>
    </message>
    <message>
        <source>Inspector / statistic</source>
        <translation>质检员 / 统计量</translation>
    </message>
    <message>
        <source>Bias / value</source>
        <translation>偏差 / 值</translation>
    </message>
    <message>
        <source>Noise / 95 % CI</source>
        <translation>离散度 / 95% 置信区间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>lenient</source>
        <translation>偏松</translation>
    </message>
    <message>
        <source>Mean deviation by inspector × item (red: lenient, blue: strict)&lt;br&gt;fatal items: the points of total their disagreement cost</source>
        <translation>质检员 × 评分项的平均偏差（红：偏松，蓝：偏严）&lt;br&gt;致命项：其分歧造成的总分偏差</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>偏严</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>适中</translation>
    </message>
    <message>
        <source>Each inspector&apos;s bias, session by session</source>
        <translation>各质检员历次校准的偏差</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>文件为空（0 字节）</translation>
    </message>
    <message>
        <source>not a readable audio file ({detail})</source>
        <translation>不是可读取的音频文件：格式未知或已损坏（支持可解码的 WAV、FLAC、OGG、MP3）</translation>
    </message>
    <message>
        <source>the audio data is damaged ({detail})</source>
        <translation>音频数据已损坏，无法解码</translation>
    </message>
    <message>
        <source>the recording has no samples (0 s)</source>
        <translation>录音没有任何采样（0 秒）</translation>
    </message>
    <message>
        <source>sample rate {rate} Hz is above the supported maximum of {maximum} Hz</source>
        <translation>采样率 {rate} Hz 超过支持的上限 {maximum} Hz</translation>
    </message>
    <message>
        <source>sample rate {rate} Hz is too low for speech</source>
        <translation>采样率 {rate} Hz 过低，无法用于语音</translation>
    </message>
    <message>
        <source>{channels} channels; calls must be mono or stereo (agent left, customer right)</source>
        <translation>{channels} 个声道；通话录音须为单声道或立体声（左声道坐席，右声道客户）</translation>
    </message>
    <message>
        <source>folder cannot be read ({detail})</source>
        <translation>无法读取文件夹（{detail}）</translation>
    </message>
    <message>
        <source>the file name is not valid UTF-8 (written on another system?): rename the file and import again</source>
        <translation>文件名不是有效的 UTF-8（可能来自其他系统）：请重命名后再导入</translation>
    </message>
    <message>
        <source>a broken link: it points to {target}, which does not exist</source>
        <translation>失效的链接：指向的 {target} 不存在</translation>
    </message>
    <message>
        <source>cannot be read ({detail})</source>
        <translation>无法读取（{detail}）</translation>
    </message>
    <message>
        <source>a named pipe, not a recording file</source>
        <translation>这是命名管道，不是录音文件</translation>
    </message>
    <message>
        <source>not a regular file (a device or socket)</source>
        <translation>不是普通文件（设备或套接字）</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>不是文件夹</translation>
    </message>
    <message>
        <source>cannot read the file ({detail})</source>
        <translation>无法读取文件（{detail}）</translation>
    </message>
    <message>
        <source>transcript not imported: {detail}</source>
        <translation>转写文本未导入：{detail}</translation>
    </message>
    <message>
        <source>metadata could not be read: {detail}</source>
        <translation>无法读取通话信息文件：{detail}</translation>
    </message>
    <message>
        <source>row {number} has no file name column</source>
        <translation>第 {number} 行缺少文件名列</translation>
    </message>
    <message>
        <source>row {number}: satisfaction {value} is not a number</source>
        <translation>第 {number} 行：满意度 {value} 不是数字</translation>
    </message>
    <message>
        <source>row {number}: satisfaction {value} is not a survey score from 0 to {maximum}</source>
        <translation>第 {number} 行：满意度 {value} 不是 0 到 {maximum} 之间的评分</translation>
    </message>
    <message>
        <source>row {number}: resolved {value} is not yes/no (是/否, 1/0)</source>
        <translation>第 {number} 行：是否解决 {value} 不是是/否（是/否、1/0）</translation>
    </message>
    <message>
        <source>row {number}: the caller&apos;s number was not kept (too short, or no caller key)</source>
        <translation>第 {number} 行：未保存主叫号码（号码过短，或没有号码密钥）</translation>
    </message>
    <message>
        <source>checks not imported: {detail}</source>
        <translation>检查结果未导入：{detail}</translation>
    </message>
    <message>
        <source>checks not imported: they were made from other audio (the recording changed after the batch run)</source>
        <translation>检查结果未导入：它们来自另一份音频（批处理之后录音已变）</translation>
    </message>
    <message>
        <source>the recording it was made from, {recording}, is not there (is the centre&apos;s shared folder mounted?)</source>
        <translation>生成它的录音 {recording} 不存在（中心的共享文件夹是否已挂载？）</translation>
    </message>
    <message>
        <source>fatal item(s) {items} still wait for review: confirm or reject them</source>
        <translation>致命项 {items} 仍待复核：请先确认或驳回</translation>
    </message>
    <message>
        <source>no sound server could be reached ({detail})</source>
        <translation>无法连接声音服务器（{detail}）</translation>
    </message>
    <message>
        <source>PulseAudio client library missing: {detail}</source>
        <translation>缺少 PulseAudio 客户端库：{detail}</translation>
    </message>
    <message>
        <source>the recording is cut short: the header promises {promised:.1f} s, the file holds {held:.1f} s</source>
        <translation>录音不完整：文件头标称 {promised:.1f} 秒，实际只有 {held:.1f} 秒</translation>
    </message>
    <message>
        <source>version {version} of the evaluation of {call} is already acknowledged</source>
        <translation>通话 {call} 的第 {version} 版质检结果已确认过</translation>
    </message>
    <message>
        <source>{item} of {call} is already appealed and waits for a team lead&apos;s answer</source>
        <translation>通话 {call} 的 {item} 已在申诉中，请等待组长答复</translation>
    </message>
    <message>
        <source>the time to acknowledge the evaluation of {call} ended on {day}</source>
        <translation>通话 {call} 的质检结果确认期限已于 {day} 截止</translation>
    </message>
    <message>
        <source>the time to appeal the evaluation of {call} ended on {day}</source>
        <translation>通话 {call} 的质检结果申诉期限已于 {day} 截止</translation>
    </message>
    <message>
        <source>an appeal needs the agent&apos;s reason</source>
        <translation>申诉需要填写理由</translation>
    </message>
</context>
<context>
    <name>EmotionLane</name>
    <message>
        <source>Emotion</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>tense</source>
        <translation>紧张</translation>
    </message>
    <message>
        <source>upset</source>
        <translation>激动</translation>
    </message>
    <message>
        <source>words</source>
        <translation>用词</translation>
    </message>
    <message>
        <source>loudness</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>pitch</source>
        <translation>音高</translation>
    </message>
    <message>
        <source>speech rate</source>
        <translation>语速</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Customer emotion: not measured yet</source>
        <translation>客户情绪：尚未测量</translation>
    </message>
    <message>
        <source> (worsened)</source>
        <translation>（恶化）</translation>
    </message>
    <message>
        <source>Customer emotion: %1 → %2%3 · from %4 · a pointer for listening</source>
        <translation>客户情绪：%1 → %2%3 · 依据%4 · 仅供提示重点收听</translation>
    </message>
</context>
<context>
    <name>EvaluationsDialog</name>
    <message>
        <source>Evaluations</source>
        <translation>评分记录</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Agent ID</source>
        <translation>坐席工号</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Fatal only</source>
        <translation>仅一票否决</translation>
    </message>
    <message>
        <source>Call dates</source>
        <translation>通话日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Double-click an evaluation to open it with its call</source>
        <translation>双击评分记录可打开对应通话</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>驳回</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation>
            <numerusform>共 %n 条评分</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export evaluations</source>
        <translation>导出评分记录</translation>
    </message>
</context>
<context>
    <name>HitsPane</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Reject with note…</source>
        <translation>驳回并备注…</translation>
    </message>
    <message>
        <source>Reject hit</source>
        <translation>驳回命中</translation>
    </message>
    <message>
        <source>Why is this hit wrong?</source>
        <translation>该命中为什么不成立？</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>listen to confirm</source>
        <translation>需听音确认</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>共 %n 个命中</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>IdCorner</name>
    <message>
        <source>Sort by call id</source>
        <translation>按通话编号排序</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import a folder of recordings</source>
        <translation>导入录音文件夹</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Imported %1 new call(s)</source>
        <translation>已导入 %1 通新录音</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Imported %1 new call(s); %2 already present; %3 file(s) with problems.</source>
        <translation>新导入 %1 通录音；%2 通已存在；%3 个文件有问题。</translation>
    </message>
    <message>
        <source>The import was cancelled; calls imported so far are kept.</source>
        <translation>导入已取消；已导入的录音均已保留。</translation>
    </message>
    <message>
        <source>The rules are checking the new calls now; until a call is checked its hit count shows —.</source>
        <translation>规则正在检查新通话；检查完成前命中数显示为 —。</translation>
    </message>
    <message numerus="yes">
        <source>%n new call(s) have no transcript: transcribe them (Speech menu) for the rules to check them, or score them by listening.</source>
        <translation>
            <numerusform>%n 通新通话没有转写文本：请转写（语音菜单）以便规则检查，或直接听录音评分。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) imported with a warning.</source>
        <translation>
            <numerusform>%n 通通话已导入但有警告。</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Create the first team lead</source>
        <translation>创建首个组长账号</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Demo user</source>
        <translation>演示用户</translation>
    </message>
    <message>
        <source>Job number (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>This workspace has no users yet: create the team lead&apos;s account.</source>
        <translation>此工作区尚无用户：请先创建组长账号。</translation>
    </message>
    <message>
        <source>Demo workspace: every demo user&apos;s password is %1</source>
        <translation>演示工作区：所有演示用户的密码均为 %1</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>Choose a new password to continue.</source>
        <translation>请设置新密码后继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inspector — call quality inspection</source>
        <translation>Inspector — 通话质检工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Speech</source>
        <translation>语音(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>复核(&amp;V)</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2) · %3</source>
        <translation>当前用户：%1（%2）· %3</translation>
    </message>
    <message>
        <source>Playback unavailable</source>
        <translation>无法播放</translation>
    </message>
    <message>
        <source>Playback unavailable: %1</source>
        <translation>无法播放：%1</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>New calibration session</source>
        <translation>新建校准会</translation>
    </message>
    <message>
        <source>more job numbers, comma-separated</source>
        <translation>其他工号，用逗号分隔</translation>
    </message>
    <message>
        <source>No benchmark</source>
        <translation>不设基准</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>我（%1）</translation>
    </message>
    <message>
        <source>Consensus after discussion</source>
        <translation>讨论后的共识</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Calls (2–%1)</source>
        <translation>通话（2–%1 通）</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准</translation>
    </message>
</context>
<context>
    <name>PlaybackController</name>
    <message>
        <source>The call&apos;s audio is still loading</source>
        <translation>录音仍在加载中</translation>
    </message>
    <message>
        <source>Open a call first</source>
        <translation>请先打开一通录音</translation>
    </message>
    <message>
        <source>Playback unavailable: %1</source>
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <source>Loop start set at %1</source>
        <translation>循环起点设在 %1</translation>
    </message>
    <message>
        <source>Set the loop start (A) before the loop end (B)</source>
        <translation>请先设置循环起点 (A)，再设置终点 (B)</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>My queue</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>抽中原因</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Double-click a call to open it.</source>
        <translation>双击通话即可打开。</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
</context>
<context>
    <name>RedLinesDialog</name>
    <message>
        <source>Red-line register</source>
        <translation>红线台账</translation>
    </message>
    <message>
        <source>Open cases only</source>
        <translation>只看未结案件</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Take ownership</source>
        <translation>由我跟进</translation>
    </message>
    <message>
        <source>Close case…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Outcome (e.g. 通报, 约谈, 扣绩效):</source>
        <translation>处理结果（如 通报、约谈、扣绩效）：</translation>
    </message>
    <message>
        <source>Export red-line register</source>
        <translation>导出红线台账</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>分数分布</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Business types</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Red lines</source>
        <translation>红线</translation>
    </message>
    <message>
        <source>Automatic score</source>
        <translation>自动评分</translation>
    </message>
    <message>
        <source>Voice of the customer</source>
        <translation>客户之声</translation>
    </message>
    <message>
        <source>Call categories against the previous period</source>
        <translation>来电类别（对比上期）</translation>
    </message>
    <message>
        <source>Agent ranking</source>
        <translation>坐席排名</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>周趋势</translation>
    </message>
    <message>
        <source>Points lost by agent</source>
        <translation>坐席失分项</translation>
    </message>
    <message>
        <source>Points lost by team</source>
        <translation>班组失分项</translation>
    </message>
    <message>
        <source>Rule hits</source>
        <translation>规则命中</translation>
    </message>
    <message>
        <source>Red-line rules</source>
        <translation>红线规则</translation>
    </message>
    <message>
        <source>Rules by week</source>
        <translation>规则周趋势</translation>
    </message>
    <message>
        <source>Evaluations per day</source>
        <translation>每日评估数</translation>
    </message>
    <message>
        <source>Score distribution</source>
        <translation>分数分布</translation>
    </message>
    <message>
        <source>Red lines by rule and agent</source>
        <translation>红线汇总（按规则、坐席）</translation>
    </message>
    <message>
        <source>Red-line cases</source>
        <translation>红线案例</translation>
    </message>
    <message>
        <source>Automatic score against the reviewed score</source>
        <translation>自动评分与人工评分对比</translation>
    </message>
    <message>
        <source>Calls per category this period</source>
        <translation>本期各类别通话数</translation>
    </message>
    <message>
        <source>Mean score per agent</source>
        <translation>坐席平均分</translation>
    </message>
    <message>
        <source>Mean score per agent and week</source>
        <translation>坐席周平均分</translation>
    </message>
    <message>
        <source>Mean score per team</source>
        <translation>班组平均分</translation>
    </message>
    <message>
        <source>Mean points lost per item</source>
        <translation>评分项平均扣分</translation>
    </message>
    <message>
        <source>Hits per 100 calls</source>
        <translation>每百通命中</translation>
    </message>
    <message>
        <source>Leniency: inspector&apos;s mean minus everyone&apos;s (+ lenient)</source>
        <translation>宽严度：质检员均分减整体均分（正为偏松）</translation>
    </message>
    <message>
        <source>Mean score per business type</source>
        <translation>业务类型平均分</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Open red-line cases per rule</source>
        <translation>未结红线（按规则）</translation>
    </message>
    <message>
        <source>Mean difference, automatic against reviewed</source>
        <translation>自动评分与人工评分的平均分差</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期通话数</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation>环比</translation>
    </message>
    <message>
        <source>Emotion worsened</source>
        <translation>情绪变差率</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话数</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估数</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>最低分</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>致命项</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Loses most on</source>
        <translation>主要失分项</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>周期起始</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Times lost</source>
        <translation>扣分次数</translation>
    </message>
    <message>
        <source>Mean lost</source>
        <translation>平均扣分</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Loss rate</source>
        <translation>扣分率</translation>
    </message>
    <message>
        <source>Total lost</source>
        <translation>累计扣分</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中数</translation>
    </message>
    <message>
        <source>Calls with hits</source>
        <translation>命中通话数</translation>
    </message>
    <message>
        <source>Per 100 calls</source>
        <translation>每百通命中</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Leniency</source>
        <translation>宽严度</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>工作天数</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>日均评估</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>By</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Rule or agent</source>
        <translation>规则/工号</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <source>Oldest open (days)</source>
        <translation>最长未结天数</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Auto-scored calls</source>
        <translation>自动评分通话数</translation>
    </message>
    <message>
        <source>Automatic mean</source>
        <translation>自动评分均分</translation>
    </message>
    <message>
        <source>Calls with both</source>
        <translation>双评通话数</translation>
    </message>
    <message>
        <source>Mean difference</source>
        <translation>平均分差</translation>
    </message>
    <message>
        <source>Within ±3</source>
        <translation>±3分内一致率</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Bias (auto − reviewed)</source>
        <translation>偏差（自动−人工）</translation>
    </message>
    <message>
        <source>item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>致命项</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Double-click an agent to list their calls</source>
        <translation>双击坐席即可列出其通话</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open agent&apos;s calls</source>
        <translation>打开坐席的通话</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Call dates</source>
        <translation>通话日期</translation>
    </message>
    <message>
        <source>Evaluation dates</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部班组</translation>
    </message>
    <message>
        <source>All inspectors</source>
        <translation>全部质检员</translation>
    </message>
    <message>
        <source>All business types</source>
        <translation>全部业务类型</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>This workspace has no call categories yet</source>
        <translation>本工作区还没有通话类别</translation>
    </message>
    <message>
        <source>All card versions</source>
        <translation>全部评分表版本</translation>
    </message>
    <message>
        <source>Pass mark </source>
        <translation>合格线 </translation>
    </message>
    <message>
        <source>Reading evaluations… %1</source>
        <translation>正在读取评估…… %1</translation>
    </message>
    <message>
        <source>Counting rule hits…</source>
        <translation>正在统计规则命中……</translation>
    </message>
    <message>
        <source>Listing red lines…</source>
        <translation>正在列出红线……</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算……</translation>
    </message>
    <message>
        <source>Based on %1 call(s) and %2 submitted evaluation(s); rule rates on %3 checked call(s)</source>
        <translation>基于 %1 通通话、%2 份已提交评估；规则命中率基于 %3 通已检查通话</translation>
    </message>
    <message>
        <source>This report as HTML…</source>
        <translation>本报表导出为 HTML…</translation>
    </message>
    <message>
        <source>This report as Excel (XLSX)…</source>
        <translation>本报表导出为 Excel（XLSX）…</translation>
    </message>
    <message>
        <source>This report&apos;s table as CSV…</source>
        <translation>本报表的表格导出为 CSV…</translation>
    </message>
    <message>
        <source>All reports as HTML…</source>
        <translation>全部报表导出为 HTML…</translation>
    </message>
    <message>
        <source>All reports as Excel (XLSX)…</source>
        <translation>全部报表导出为 Excel（XLSX）…</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>A temporary password for %1; they choose their own at next log-in.</source>
        <translation>为 %1 设置临时密码；其下次登录时需设置自己的密码。</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>fatal hit</source>
        <translation>致命项命中</translation>
    </message>
    <message>
        <source>at random</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>automatic score below %1</source>
        <translation>自动评分低于 %1</translation>
    </message>
    <message>
        <source>survey score below %1</source>
        <translation>满意度低于 %1</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>emotion worsened</source>
        <translation>客户情绪恶化</translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>repeat caller</source>
        <translation>重复来电</translation>
    </message>
    <message>
        <source>listen to confirm</source>
        <translation>需听音确认</translation>
    </message>
    <message>
        <source>must review (listed)</source>
        <translation>必检（导入清单）</translation>
    </message>
    <message>
        <source>Team leads only</source>
        <translation>仅限组长</translation>
    </message>
    <message>
        <source>Only a team lead can open this.</source>
        <translation>只有组长可以打开此功能。</translation>
    </message>
</context>
<context>
    <name>RulesController</name>
    <message>
        <source>Using the default rule pack: %1</source>
        <translation>改用默认规则包：%1</translation>
    </message>
    <message>
        <source>Rule pack to compare</source>
        <translation>选择要比较的规则包</translation>
    </message>
    <message>
        <source>Rule packs (*.toml)</source>
        <translation>规则包 (*.toml)</translation>
    </message>
    <message>
        <source>Rule pack not loaded</source>
        <translation>规则包未加载</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>正在检查 %1</translation>
    </message>
    <message>
        <source>This call has no transcript to check</source>
        <translation>该通话没有可检查的转写文本</translation>
    </message>
    <message>
        <source>Checked %1 call(s) with %2</source>
        <translation>已用 %2 检查 %1 通录音</translation>
    </message>
    <message>
        <source>No further hit</source>
        <translation>没有更多命中</translation>
    </message>
</context>
<context>
    <name>SamplingDialog</name>
    <message>
        <source>Sampling plans</source>
        <translation>抽检计划</translation>
    </message>
    <message>
        <source>(new plan)</source>
        <translation>（新计划）</translation>
    </message>
    <message>
        <source>Every call with a fatal-rule hit</source>
        <translation>所有命中致命规则的通话</translation>
    </message>
    <message>
        <source>e.g. R13, R14</source>
        <translation>如 R13, R14</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不抽</translation>
    </message>
    <message>
        <source>calls per agent</source>
        <translation>每名坐席抽取条数</translation>
    </message>
    <message>
        <source>% of each agent&apos;s calls</source>
        <translation>每名坐席通话的百分比</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Assign by load (fewest open calls first) instead of in turn</source>
        <translation>按工作量分配（待办最少者优先），而非轮流</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>off</source>
        <translation>不启用</translation>
    </message>
    <message>
        <source>e.g. 资费争议</source>
        <translation>如 资费争议</translation>
    </message>
    <message>
        <source>Customer&apos;s emotion worsened</source>
        <translation>客户情绪恶化</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Repeat caller (within 7 days)</source>
        <translation>重复来电（7天内）</translation>
    </message>
    <message>
        <source>A &apos;listen to confirm&apos; hit</source>
        <translation>有“需听音确认”命中</translation>
    </message>
    <message>
        <source>Must review: import call ids…</source>
        <translation>必检：导入通话编号…</translation>
    </message>
    <message>
        <source>never logged in</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>Only calls from</source>
        <translation>仅限通话日期</translation>
    </message>
    <message>
        <source>random (recorded)</source>
        <translation>随机（会记录）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Every call with these rules</source>
        <translation>命中这些规则的所有通话</translation>
    </message>
    <message>
        <source>Automatic score below</source>
        <translation>自动评分低于</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Survey score below</source>
        <translation>满意度低于</translation>
    </message>
    <message>
        <source>due in</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>At random</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Due in</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>抽中原因</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Save plan as…</source>
        <translation>计划另存为…</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>%1 call(s) drawn, seed %2</source>
        <translation>已抽取 %1 条通话，随机种子 %2</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Assign these calls</source>
        <translation>分配这些通话</translation>
    </message>
    <message>
        <source>Preview, nothing assigned yet: %1</source>
        <translation>预览（尚未分配）：%1</translation>
    </message>
    <message>
        <source>listed: %1 already in review, %2 not in this workspace</source>
        <translation>清单中 %1 通已在质检中，%2 通不在本工作区</translation>
    </message>
    <message>
        <source>%1 call(s): %2</source>
        <translation>%1 通：%2</translation>
    </message>
    <message>
        <source>Nothing to draw: no call matches the filters (business type, duration, dates).</source>
        <translation>无可抽取：没有通话符合筛选条件（业务类型、时长、日期）。</translation>
    </message>
    <message>
        <source>Nothing more to draw: all %1 call(s) within the filters are already assigned or scored.</source>
        <translation>没有更多可抽取：符合筛选条件的 %1 通通话都已分配或评分。</translation>
    </message>
    <message>
        <source>Nothing to draw: %1 call(s) within the filters are not yet assigned, but none has a fatal hit, a chosen rule or signal, and no random share is set.</source>
        <translation>无可抽取：符合筛选条件的 %1 通通话尚未分配，但都没有致命命中、所选规则或信号，且未设置随机抽取比例。</translation>
    </message>
    <message>
        <source>Calls that must be reviewed</source>
        <translation>必须质检的通话</translation>
    </message>
    <message>
        <source>Call lists (*.csv *.txt);;All files (*)</source>
        <translation>通话清单 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1: %2 call(s)</source>
        <translation>%1：%2 通</translation>
    </message>
    <message>
        <source>Save plan as</source>
        <translation>计划另存为</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>ScorecardPane</name>
    <message>
        <source>Whose evaluation of this call is shown</source>
        <translation>显示哪位质检员对本通话的评分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>The automatic score from the rule hits: a suggestion, never submitted</source>
        <translation>由规则命中算出的自动评分：仅供参考，不会提交</translation>
    </message>
    <message>
        <source>Deduct…</source>
        <translation>扣分…</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>批注…</translation>
    </message>
    <message>
        <source>Anchored to the selection, or to the playhead without one</source>
        <translation>批注锚定到选区；无选区时锚定到播放位置</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Record appeal…</source>
        <translation>登记申诉…</translation>
    </message>
    <message>
        <source>Resolve appeal…</source>
        <translation>处理申诉…</translation>
    </message>
    <message>
        <source>Mark for coaching…</source>
        <translation>标记辅导…</translation>
    </message>
    <message>
        <source>The selected item, or the selected hit&apos;s deduction, for the agent&apos;s next coaching session</source>
        <translation>将所选评分项或命中扣分标记给坐席的下次辅导</translation>
    </message>
    <message>
        <source>No evaluation</source>
        <translation>暂无评分</translation>
    </message>
    <message>
        <source>Fatal items</source>
        <translation>一票否决项</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>answer by %1</source>
        <translation>%1 前答复</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>总分：%1</translation>
    </message>
    <message>
        <source>(fatal item confirmed)</source>
        <translation>（一票否决已确认）</translation>
    </message>
    <message>
        <source>(fatal item waiting for review)</source>
        <translation>（一票否决项待复核）</translation>
    </message>
    <message>
        <source>suggested %1</source>
        <translation>自动建议 %1</translation>
    </message>
    <message>
        <source>Draft, saved</source>
        <translation>草稿，已保存</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Not started: saved at your first change</source>
        <translation>尚未开始：首次修改时保存</translation>
    </message>
    <message>
        <source>Read only: %1&apos;s evaluation</source>
        <translation>只读：%1 的评分</translation>
    </message>
    <message>
        <source>appeal open: %1, answer by %2</source>
        <translation>申诉中：%1，%2 前答复</translation>
    </message>
    <message>
        <source>whole evaluation</source>
        <translation>整份评分</translation>
    </message>
    <message>
        <source>No rule gives evidence for this item</source>
        <translation>没有规则能为此项提供依据</translation>
    </message>
    <message>
        <source>−%1 from %2, confidence %3</source>
        <translation>−%1，来自 %2，置信度 %3</translation>
    </message>
    <message>
        <source>red line</source>
        <translation>红线</translation>
    </message>
    <message>
        <source>review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>set by the inspector</source>
        <translation>质检员设定</translation>
    </message>
    <message>
        <source>%1 %2 — at most %3 point(s)</source>
        <translation>%1 %2 — 最多扣 %3 分</translation>
    </message>
    <message>
        <source>Reopen evaluation</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <source>Why is it reopened?</source>
        <translation>重新打开的原因？</translation>
    </message>
    <message>
        <source>The whole evaluation</source>
        <translation>整份评分</translation>
    </message>
    <message>
        <source>Record appeal</source>
        <translation>登记申诉</translation>
    </message>
    <message>
        <source>What does the agent appeal?</source>
        <translation>坐席申诉哪一项？</translation>
    </message>
    <message>
        <source>The agent&apos;s reasons:</source>
        <translation>坐席的申诉理由：</translation>
    </message>
    <message>
        <source>Mark for coaching</source>
        <translation>标记辅导</translation>
    </message>
    <message>
        <source>What should the coaching work on? (optional)</source>
        <translation>辅导重点（可选）：</translation>
    </message>
    <message>
        <source>Resolve appeal</source>
        <translation>处理申诉</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>处理说明：</translation>
    </message>
</context>
<context>
    <name>ScoringController</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>已重开</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>My evaluation</source>
        <translation>我的评分</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>%1 marked for coaching</source>
        <translation>%1 已标记辅导</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未标记</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Not reopened</source>
        <translation>未能重新打开</translation>
    </message>
    <message>
        <source>Fatal item(s) %1 still wait for review: confirm or reject them before submitting.</source>
        <translation>致命项 %1 尚待复核：请先确认或驳回，再提交。</translation>
    </message>
    <message>
        <source>Submit the evaluation of %1 with a total of %2 (version %3)?

It will be locked: only a team lead can reopen it, and it is queued for upload to headquarters.</source>
        <translation>提交通话 %1 的评分（总分 %2，第 %3 版）？

提交后将锁定：只有组长可以重开，并将排队上传总部。</translation>
    </message>
    <message>
        <source>Submit anyway? (No: back to the first undecided hit)</source>
        <translation>仍然提交？（选“否”回到第一个未判定的命中）</translation>
    </message>
    <message>
        <source>Submit evaluation</source>
        <translation>提交评分</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 hit(s) were never confirmed or rejected:</source>
        <translation>
            <numerusform>共 %1 个命中，其中 %n 个从未确认或驳回：</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirmed fatal item(s): %1. The total is 0.</source>
        <translation>已确认致命项：%1。总分为 0。</translation>
    </message>
    <message>
        <source>unknown agent</source>
        <translation>未知坐席</translation>
    </message>
    <message>
        <source>Red-line case(s) %1 are open against agent %2 in the red-line register; a team lead follows them up.</source>
        <translation>红线登记册中已对坐席 %2 立案 %1，由组长跟进。</translation>
    </message>
    <message>
        <source>Evaluation submitted</source>
        <translation>评分已提交</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>未提交</translation>
    </message>
</context>
<context>
    <name>SearchWindow</name>
    <message>
        <source>Search all calls</source>
        <translation>全部通话检索</translation>
    </message>
    <message>
        <source>Words said in a call (a homophone typo still finds them)</source>
        <translation>通话中说过的话（同音错字也能找到）</translation>
    </message>
    <message>
        <source>Both speakers</source>
        <translation>双方</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Rule hit, e.g. R06</source>
        <translation>命中规则，如 R06</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n 句</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>New coaching session</source>
        <translation>新建辅导记录</translation>
    </message>
    <message>
        <source>Agent (工号):</source>
        <translation>坐席（工号）：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>评分项：</translation>
    </message>
    <message>
        <source>Agreed actions:</source>
        <translation>约定改进措施：</translation>
    </message>
    <message>
        <source>Held on:</source>
        <translation>辅导日期：</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>跟进日期：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>A new language takes effect when Inspector is started again.</source>
        <translation>新的界面语言将在重新启动 Inspector 后生效。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SpeechController</name>
    <message>
        <source>Model not usable</source>
        <translation>模型不可用</translation>
    </message>
    <message>
        <source>Mandarin</source>
        <translation>普通话</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>The model %1 recognises %2, but the calls are in %3: its transcript would be gibberish and the checks would fire on it. Transcribe anyway?</source>
        <translation>模型 %1 识别的是%2，但通话是%3：转写结果将是乱码，规则检查也会据此误报。仍要转写吗？</translation>
    </message>
    <message>
        <source>Model zip</source>
        <translation>模型压缩包</translation>
    </message>
    <message>
        <source>Zip (*.zip)</source>
        <translation>压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Speech model installed (%1): %2</source>
        <translation>语音模型已安装（%1）：%2</translation>
    </message>
    <message>
        <source>Model not installed</source>
        <translation>模型未安装</translation>
    </message>
    <message>
        <source>Open a call first</source>
        <translation>请先打开一通录音</translation>
    </message>
    <message>
        <source>Another language</source>
        <translation>语言不一致</translation>
    </message>
    <message>
        <source>Loading the speech model %1…</source>
        <translation>正在加载语音模型 %1…</translation>
    </message>
    <message>
        <source>Some calls were not transcribed</source>
        <translation>部分录音未能转写</translation>
    </message>
    <message>
        <source>Transcribed %1 call(s)</source>
        <translation>已转写 %1 通录音</translation>
    </message>
    <message>
        <source>the hits now rest on the recognised words; %1 is still there: choose it in the version list above the transcript to switch back</source>
        <translation>命中现基于识别文本；%1 仍然保留：可在转写文本上方的版本列表中切换回去</translation>
    </message>
    <message>
        <source>Speech recognition</source>
        <translation>语音识别</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>，约剩 %1 秒</translation>
    </message>
    <message>
        <source>Transcribing %1/%2%3</source>
        <translation>正在转写 %1/%2%3</translation>
    </message>
    <message>
        <source>Installing model: %1</source>
        <translation>正在安装模型：%1</translation>
    </message>
</context>
<context>
    <name>SpeechModelsDialog</name>
    <message>
        <source>Speech models</source>
        <translation>语音识别模型</translation>
    </message>
    <message>
        <source>Mandarin</source>
        <translation>普通话</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>offline bundle</source>
        <translation>离线安装包</translation>
    </message>
    <message>
        <source>Python package</source>
        <translation>Python 包</translation>
    </message>
    <message>
        <source>~/.cache/vosk</source>
        <translation>~/.cache/vosk</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>ready, not verified</source>
        <translation>可用，未校验</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>No usable speech model. Import the official vosk-model-small-cn-0.22.zip (or its unpacked folder); playback, imported transcripts and the acoustic checks work without one.</source>
        <translation>没有可用的语音识别模型。请导入官方 vosk-model-small-cn-0.22.zip（或其解压后的文件夹）；没有模型时，播放、导入的转写文本和声学检查仍可使用。</translation>
    </message>
    <message>
        <source>Set language of the selected model</source>
        <translation>设置所选模型的语言</translation>
    </message>
    <message>
        <source>Accurate decoding (default)</source>
        <translation>精确解码（默认）</translation>
    </message>
    <message>
        <source>Fast decoding (3× faster, a little less accurate)</source>
        <translation>快速解码（快 3 倍，略欠精确）</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Import zip…</source>
        <translation>导入压缩包…</translation>
    </message>
    <message>
        <source>Use selected model</source>
        <translation>使用所选模型</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>ICC needs at least 2 units and 2 raters with complete ratings (have %1)</source>
        <translation>ICC 至少需要 2 通通话和 2 名评分完整的质检员（现有 %1）</translation>
    </message>
    <message>
        <source>ICC is undefined: the ratings do not vary between units</source>
        <translation>ICC 无法计算：各通话的评分没有差异</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha needs at least two different values in units rated twice</source>
        <translation>Krippendorff α 需要在被重复评分的项目中至少有两种不同的分值</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa needs at least two units rated by both raters</source>
        <translation>Cohen κ 至少需要两名质检员都评过的两个项目</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa is undefined: both raters used a single category</source>
        <translation>Cohen κ 无法计算：两名质检员都只用了同一类判定</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa needs at least 2 units, each rated by the same number (≥ 2) of raters</source>
        <translation>Fleiss κ 至少需要 2 个项目，且每个项目由相同人数（≥ 2）的质检员评分</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa is undefined: every rater used the same single category</source>
        <translation>Fleiss κ 无法计算：所有质检员都只用了同一类判定</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Upload to headquarters</source>
        <translation>上传到总部</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>By</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Upload now</source>
        <translation>立即上传</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <source>A team lead exports the signed bundle: it carries every inspector&apos;s evaluations.</source>
        <translation>签名数据包由组长导出：其中包含所有质检员的评分。</translation>
    </message>
    <message>
        <source>with transcripts</source>
        <translation>包含转写文本</translation>
    </message>
    <message>
        <source>unmasked personal data</source>
        <translation>不遮盖个人信息</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Not set up: enter the centre id and key under Settings</source>
        <translation>尚未设置：请在“设置”中填写中心编号和密钥</translation>
    </message>
    <message>
        <source>Centre %1 · workstation %2 · %3</source>
        <translation>中心 %1 · 工作站 %2 · %3</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>未设上传地址</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待上传</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Agent&apos;s answer</source>
        <translation>坐席回复</translation>
    </message>
    <message>
        <source>Red-line case</source>
        <translation>红线案例</translation>
    </message>
    <message>
        <source>Coaching session</source>
        <translation>辅导记录</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Set the centre id, key, upload address and token under Settings first.</source>
        <translation>请先在“设置”中填写中心编号、密钥、上传地址和令牌。</translation>
    </message>
    <message>
        <source>%1 acknowledged, %2 rejected</source>
        <translation>已确认 %1 条，被拒绝 %2 条</translation>
    </message>
    <message>
        <source>The receiver lacked %1 version(s) it had acknowledged: sent again</source>
        <translation>总部缺少 %1 条已确认的记录：已重新发送</translation>
    </message>
    <message>
        <source>Count and hash agree with the receiver</source>
        <translation>与总部核对数量和哈希：一致</translation>
    </message>
    <message>
        <source>Count and hash still differ from the receiver</source>
        <translation>与总部核对数量和哈希：仍不一致</translation>
    </message>
    <message>
        <source>Upload finished</source>
        <translation>上传完成</translation>
    </message>
    <message>
        <source>Upload stopped</source>
        <translation>上传中止</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>Set up the centre id and key first.</source>
        <translation>请先设置中心编号和密钥。</translation>
    </message>
    <message>
        <source>Signed bundle (*.inspector-bundle)</source>
        <translation>签名数据包 (*.inspector-bundle)</translation>
    </message>
    <message>
        <source>Unmasked transcripts need your password: nothing was exported.</source>
        <translation>导出未脱敏的转写需要您的密码：未导出任何内容。</translation>
    </message>
    <message>
        <source>Bundle written to %1</source>
        <translation>数据包已写入 %1</translation>
    </message>
    <message>
        <source>Export unmasked transcripts</source>
        <translation>导出未脱敏的转写</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>您的密码：</translation>
    </message>
    <message>
        <source>Sync settings</source>
        <translation>同步设置</translation>
    </message>
    <message>
        <source>Only a team lead or admin changes where scores are sent.</source>
        <translation>只有组长或管理员可以更改评分的上传位置。</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <translation>同步设置</translation>
    </message>
    <message>
        <source>empty: make a new key (give it to headquarters)</source>
        <translation>留空：生成新密钥（交给总部）</translation>
    </message>
    <message>
        <source>Centre id</source>
        <translation>中心编号</translation>
    </message>
    <message>
        <source>Centre key (hex)</source>
        <translation>中心密钥（十六进制）</translation>
    </message>
    <message>
        <source>Upload address</source>
        <translation>上传地址</translation>
    </message>
    <message>
        <source>Upload token</source>
        <translation>上传令牌</translation>
    </message>
</context>
<context>
    <name>ToolWindows</name>
    <message>
        <source>Calibration: %1</source>
        <translation>校准：%1</translation>
    </message>
    <message>
        <source>Calibration scoring for %1: %2</source>
        <translation>“%1”校准评分：%2</translation>
    </message>
    <message>
        <source>About Inspector</source>
        <translation>关于 Inspector</translation>
    </message>
    <message>
        <source>Inspector %1 — call quality-inspection workstation.
Data folder: %2</source>
        <translation>Inspector %1 — 通话质检工作台。
数据文件夹：%2</translation>
    </message>
</context>
<context>
    <name>TranscriptController</name>
    <message>
        <source>on %1</source>
        <translation>基于%1</translation>
    </message>
    <message>
        <source>This call has no transcript</source>
        <translation>该通话没有转写文本</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>导出转写文本</translation>
    </message>
    <message>
        <source>Transcript v1 (*.json)</source>
        <translation>转写文本 v1 (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Open a call first</source>
        <translation>请先打开一通录音</translation>
    </message>
    <message>
        <source>Import transcript</source>
        <translation>导入转写文本</translation>
    </message>
    <message>
        <source>Transcript not imported</source>
        <translation>转写文本未导入</translation>
    </message>
    <message>
        <source>This version was not checked yet: Rules → Check this call again (F5)</source>
        <translation>此版本尚未检查：规则 → 重新检查本通话（F5）</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <source>Recognised: %1 (%2)</source>
        <translation>识别：%1（%2）</translation>
    </message>
    <message>
        <source>Corrected (%1)</source>
        <translation>已更正（%1）</translation>
    </message>
    <message>
        <source>Imported (%1)</source>
        <translation>导入（%1）</translation>
    </message>
    <message>
        <source>Reference (%1)</source>
        <translation>参考（%1）</translation>
    </message>
    <message>
        <source>Find in transcript</source>
        <translation>在转写文本中查找</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Which version of the transcript is shown; rules and the scorecard use the one shown</source>
        <translation>显示哪个版本的转写文本；规则和评分表以所显示的版本为准</translation>
    </message>
    <message>
        <source>Transcribe with %1</source>
        <translation>用 %1 转写</translation>
    </message>
    <message>
        <source>Speech → Transcribe this call</source>
        <translation>语音 → 转写此通话</translation>
    </message>
    <message>
        <source>Install a speech model…</source>
        <translation>安装语音模型…</translation>
    </message>
    <message>
        <source>No speech model is installed: Speech → Speech models</source>
        <translation>尚未安装语音模型：语音 → 语音模型</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知说话人</translation>
    </message>
    <message>
        <source>No transcript for this call</source>
        <translation>该通话暂无转写文本</translation>
    </message>
    <message numerus="yes">
        <source>Transcript: %n segment(s)</source>
        <translation>
            <numerusform>转写文本：共 %n 句</numerusform>
        </translation>
    </message>
    <message>
        <source>Low confidence: %1</source>
        <translation>低置信度：%1</translation>
    </message>
    <message>
        <source>Corrected by hand</source>
        <translation>已人工更正</translation>
    </message>
    <message>
        <source>“%1” is not in the transcript</source>
        <translation>转写文本中没有“%1”</translation>
    </message>
    <message>
        <source>Correct this word…</source>
        <translation>更正此词…</translation>
    </message>
    <message>
        <source>Correct this sentence…</source>
        <translation>更正此句…</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <source>Both channels</source>
        <translation>双声道</translation>
    </message>
    <message>
        <source>Agent only</source>
        <translation>仅坐席</translation>
    </message>
    <message>
        <source>Customer only</source>
        <translation>仅客户</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Loop %1–%2</source>
        <translation>循环 %1–%2</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Job number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>to be changed at next log-in</source>
        <translation>下次登录时需修改</translation>
    </message>
    <message>
        <source>Your account may no longer manage users: ask a team lead.</source>
        <translation>你的账号已不能再管理用户：请找组长。</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>VocWindow</name>
    <message>
        <source>Voice of the customer</source>
        <translation>客户之声</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Week before</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Calls this week</source>
        <translation>本周通话数</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>前四周</translation>
    </message>
    <message>
        <source>Rise</source>
        <translation>上升幅度</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>例句</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Earlier call</source>
        <translation>上一通</translation>
    </message>
    <message>
        <source>Days after</source>
        <translation>间隔天数</translation>
    </message>
    <message>
        <source>Again about</source>
        <translation>同一类目</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评分数</translation>
    </message>
    <message>
        <source>QA mean</source>
        <translation>质检均分</translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation>参评数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Top reasons</source>
        <translation>来电原因 TOP</translation>
    </message>
    <message>
        <source>Emerging topics</source>
        <translation>新兴话题</translation>
    </message>
    <message>
        <source>Repeat callers</source>
        <translation>重复来电</translation>
    </message>
    <message>
        <source>QA vs satisfaction</source>
        <translation>质检分与满意度</translation>
    </message>
    <message>
        <source>Week ending</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Repeat within</source>
        <translation>重复来电间隔</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message numerus="yes">
        <source>%n categorised call(s) this week</source>
        <translation>
            <numerusform>本周已分类通话 %n 通</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers&apos; words in %1 – %2 (%3 calls) against %4 – %5 (%6 calls)</source>
        <translation>客户用词：%1 – %2（%3 通）对比 %4 – %5（%6 通）</translation>
    </message>
    <message numerus="yes">
        <source>no words rose: a topic is the same words in at least %n of the week&apos;s calls</source>
        <translation>
            <numerusform>没有上升的话题：话题须在本周至少 %n 通通话中出现相同词语</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 callers called again within %3 days: %4 repeat calls, %5 about the same category (repeat complaints)</source>
        <translation>%2 通有号码的来电中，%1 位客户在 %3 天内再次来电：重复来电 %4 通，其中同一类目 %5 通（重复投诉）</translation>
    </message>
    <message>
        <source>QA score against satisfaction over %1 calls: r = %2</source>
        <translation>质检分与满意度（%1 通）：相关系数 r = %2</translation>
    </message>
</context>
<context>
    <name>WaveformPane</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知说话人</translation>
    </message>
</context>
<context>
    <name>_CorrectionDialog</name>
    <message>
        <source>Correct the transcript</source>
        <translation>更正转写文本</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重听</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
</context>
<context>
    <name>_DeductionDialog</name>
    <message>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>category_text</name>
    <message>
        <source>%1 (not in the pack)</source>
        <translation>%1（不在类目包中）</translation>
    </message>
</context>
</TS>
