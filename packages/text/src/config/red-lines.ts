/**
 * The base red-line rules: what a steward's text says when it crosses one of the five red lines of seed 001
 * (服务技巧篇 第一讲: 烦躁 惜字如金、不愿多解释; 拒绝 否定业主的想法、说不行; 质疑 质疑业主的认知; 随意 随意、口语化;
 * 推诿 推卸责任或与岗位无关). Written from how property staff talk, tuned on data/replies.dev.tsv only.
 *
 * Two hard negatives the issue names shape the `unless` lists: a refusal that offers an alternative is not
 * 拒绝, and naming another party while keeping ownership ("需要开发商维修，我可以帮您联系并跟进") is not 推诿.
 *
 * Every phrase rule is `staffSideOnly`: a red line is the staff member's attitude, and a return-visit remark or a
 * progress update often reports what the owner said (业主说：“你们说了好几遍了还没修好”) or what someone else told
 * the owner before (业主反映前台说“不归我们管”); those words are the complaint being handled, not a new red line.
 * The one-line brevity rule reads the whole text and has no sentences to leave out.
 */
import { type RedLineDefinition, type RedLineRule } from './types';

export const baseRedLines: RedLineDefinition[] = [
  {
    code: 'impatient',
    labels: { 'zh-CN': '烦躁', 'en-US': 'Impatient' },
    description: { 'zh-CN': '烦躁的态度：惜字如金、不愿多解释', 'en-US': 'Curt and unwilling to explain' },
    severity: 'medium',
    autoFail: true,
    closing: '如果还有不清楚的地方，我可以再给您详细说明。',
  },
  {
    code: 'refusing',
    labels: { 'zh-CN': '拒绝', 'en-US': 'Refusing' },
    description: { 'zh-CN': '拒绝的态度：否定业主的想法，说不行', 'en-US': 'Flat refusal of what the owner asks or suggests' },
    severity: 'high',
    autoFail: true,
    closing: '我可以帮您看看有没有其他办法，您看好吗？',
  },
  {
    code: 'doubting',
    labels: { 'zh-CN': '质疑', 'en-US': 'Doubting' },
    description: { 'zh-CN': '质疑的态度：质疑业主的认知', 'en-US': "Doubting the owner's account" },
    severity: 'high',
    autoFail: true,
    closing: '麻烦您再跟我说说具体情况好吗？我来核实清楚。',
  },
  {
    code: 'casual',
    labels: { 'zh-CN': '随意', 'en-US': 'Casual' },
    description: { 'zh-CN': '随意的态度：随意、口语化', 'en-US': 'Slangy, casual or vague' },
    severity: 'low',
    autoFail: false,
    closing: '有任何进展我会第一时间告诉您。',
  },
  {
    code: 'shirking',
    labels: { 'zh-CN': '推诿', 'en-US': 'Shirking' },
    description: { 'zh-CN': '推诿的态度：推卸责任或称与岗位无关', 'en-US': 'Shifting responsibility to someone else' },
    severity: 'high',
    autoFail: true,
    closing: '这件事我来负责联系和跟进，有进展第一时间告诉您。',
  },
];

/** Someone on the staff side takes the next step: the reply keeps ownership even when another party must act. */
const keepsOwnership =
  '(我|我们)(已经|可以|来|会|马上|这就|先|去|今天|明天|亲自|也会|正在)[^。！？!?]{0,8}(联系|协调|对接|跟进|反映|报给|报修|上报|转给|转交|沟通|陪|约|盯|整理|提交|拨打|打了|申请|带|送|发给)|帮您|替您|为您|陪您|陪同|我来(负责|处理|协调|对接)|我(让|安排|叫)[^。！？!?]{0,4}(师傅|同事|维修|工程|保安|保洁)';
/** An alternative or a way forward offered beside the refusal. */
const offersAlternative = '我可以|我们可以|不过我|但我|建议您|您可以先|或者|另外|帮您|替您|为您|陪您|陪同|候补|登记在|争取|先给您|换到|您看(这样|哪个|可以|行)';

const regex = (pattern: string) => ({ kind: 'regex' as const, pattern });

export const baseRules: RedLineRule[] = [
  // 烦躁 — impatient
  {
    id: 'impatient.repeated',
    redLine: 'impatient',
    staffSideOnly: true,
    match: regex('(说|讲|回答|重复|解释)[了过]*(多少|好几|几|[两三四五六七八九十])(遍|次)|(说|讲)[了过]+(多少|几)?遍|还要我(说|讲)'),
    why: { 'zh-CN': '抱怨自己已经说过，业主听到的是不耐烦', 'en-US': 'Complains of having said it before: the owner hears impatience' },
    replacement: '',
  },
  {
    id: 'impatient.told-you',
    redLine: 'impatient',
    staffSideOnly: true,
    match: regex(
      '(不是|都|我都|已经)(跟你|和你|给你)?(说|讲|告诉你)(过|了|清楚)|(跟|和)你(说|讲)(过|了|不明白|不清楚|不通)|该说的我都说了|(说|讲)[的得]?(够|很)清楚|我都讲清楚',
    ),
    why: { 'zh-CN': '责怪业主没听清，不愿再解释', 'en-US': 'Blames the owner for not listening and will not explain again' },
    replacement: '我再跟您说明一下',
  },
  {
    id: 'impatient.stop-asking',
    redLine: 'impatient',
    staffSideOnly: true,
    match: regex(
      '烦不烦|烦死了|有完没完|没完没了|别(再|一直|老是?)?(催|问|打|说)[^，。！？我]{0,3}了|别(一直|老是?)(催|问|打|说|来)|(催|问)(什么|啥|也没用)|急什么|着什么急|能不能别|别一直|别老是|少废话|问那么多|怎么这么多问题|这种问题也问|这点小事也',
    ),
    why: { 'zh-CN': '嫌业主催问，流露烦躁', 'en-US': 'Tells the owner off for asking or chasing' },
    replacement: '',
  },
  {
    id: 'impatient.look-yourself',
    redLine: 'impatient',
    staffSideOnly: true,
    match: regex('不会自己|自己(去|上网)?(看|查|翻)(一下)?(通知|公告|合同|群|聊天记录|就知道)?|(看|翻)(群公告|公告去|聊天记录)|^看群公告'),
    unless: [{ pattern: '我(把|可以|发|给您)', scope: 'text' }],
    why: { 'zh-CN': '让业主自己去查，不愿多解释', 'en-US': 'Sends the owner to look it up instead of explaining' },
    replacement: '我把相关通知发给您',
  },
  {
    id: 'impatient.no-time',
    redLine: 'impatient',
    staffSideOnly: true,
    match: regex('没空|没时间|我(现在)?很忙|在吃饭|下班了?再说|晚点再打|挂了'),
    why: { 'zh-CN': '以忙为由打发业主', 'en-US': 'Brushes the owner off as too busy' },
    replacement: '',
  },
  {
    id: 'impatient.dismissive',
    redLine: 'impatient',
    staffSideOnly: true,
    match: regex(
      '听不懂|懂不懂|这都不懂|听没听|我哪知道|我问谁|爱信不信|你自己想想吧|(行了|好了|知道了)[，,]?(行了|好了|知道了)|又是你|又来了|等着吧|排队吧?[。！!]?$|排着呢|我已经很耐心',
    ),
    why: { 'zh-CN': '语气生硬，打发业主', 'en-US': 'Curt, dismissive tone' },
    replacement: '',
  },
  {
    id: 'impatient.blames-asking',
    redLine: 'impatient',
    staffSideOnly: true,
    match: regex(
      '怎么(又|还)(来|问|打)|又是(你|这个)|至于吗|还要问|也要问|这都要问|白问|怪谁|不想(跟|和)你(多)?说|懒得(跟|和|理|说)|没(工夫|功夫)|不接了|别在这儿|别烦我|你这人|听不进去|安静(听|点)|没看(到|见)?我(在|正)|正忙着|在开会|等会儿[。！!]?$|就这样吧?[。！!]?$|说(多少|几)(次|遍)|早(就)?说过|你没听|你(也)?不懂|私人电话|伺候|^唉|^哎呀',
    ),
    unless: [{ pattern: '您', scope: 'sentence' }],
    why: { 'zh-CN': '埋怨业主多问、打扰，流露不耐烦', 'en-US': 'Resents the owner for asking or calling' },
    replacement: '',
  },
  {
    id: 'impatient.curt',
    redLine: 'impatient',
    match: { kind: 'brevity', maxChars: 5 },
    // A chatty one-liner (好哒, 咋了) is casual rather than curt.
    unless: [{ pattern: '您|谢|请|麻烦|抱歉|不好意思|好的|收到|明白|[哒滴啦嘞咋啥]', scope: 'text' }],
    why: { 'zh-CN': '惜字如金，没有说明和称呼', 'en-US': 'A one-liner with no explanation or courtesy' },
    replacement: '',
  },
  // 拒绝 — refusing
  {
    id: 'refusing.flat-no',
    redLine: 'refusing',
    staffSideOnly: true,
    match: regex(
      '(?<!行)不行(?!的话|驶|为)|不可以|办不了|办不到|做不到|没门|没得商量|没有商量|别想了|想都别想|改不了|自己想办法|不接受|不同意|不会同意|不会采纳|一律不|不予|否了|请回吧|回去吧',
    ),
    unless: [{ pattern: offersAlternative, scope: 'text' }],
    why: { 'zh-CN': '直接说“不行”，否定了业主的诉求，没有给出替代办法', 'en-US': 'A flat no with no alternative offered' },
    replacement: '很抱歉，这个暂时没法按您说的办理',
  },
  {
    id: 'refusing.cannot',
    redLine: 'refusing',
    staffSideOnly: true,
    match: regex('(?<!能|您|你)不能(?!及时|按时)|没办法(?!处理)|不可能(给|帮|让|同意|免|退|的)|这不可能[，,。！!]|无法(办理|处理|提供|满足)'),
    unless: [
      { pattern: offersAlternative, scope: 'text' },
      { pattern: '也没办法|请[^。]{0,6}不能', scope: 'sentence' },
    ],
    why: { 'zh-CN': '只说不能，没有说明原因或替代办法', 'en-US': 'Says it cannot be done, without a reason or an alternative' },
    replacement: '很抱歉，这个暂时没法按您说的办理',
  },
  {
    id: 'refusing.will-not',
    redLine: 'refusing',
    staffSideOnly: true,
    match: regex('(我们|物业)?不(提供|派|退|借|批|给开|给办|给你|代收|会帮|会去|负责维修|管维修)|不(合理|现实|过分)|太过分'),
    unless: [
      { pattern: offersAlternative, scope: 'text' },
      { pattern: '不给您(带来|添)', scope: 'sentence' },
    ],
    why: { 'zh-CN': '拒绝提供服务或否定业主的想法', 'en-US': "Refuses the service or dismisses the owner's idea" },
    replacement: '很抱歉，这个暂时没法按您说的办理',
  },
  {
    id: 'refusing.denied',
    redLine: 'refusing',
    staffSideOnly: true,
    match: regex(
      '免谈|不(答应|采用|考虑|予考虑|批准|满足|准|许|卖|租|做|换|开通|对外|对个人|帮忙)|驳回|不符合条件|不在考虑|概不|不退不换|没有?先例|没(这个|这项|这种)(服务|规矩|规定)|办不成|做不了|不要再申请',
    ),
    unless: [
      { pattern: offersAlternative, scope: 'text' },
      { pattern: '不(做|换)(任何)?(收费|费用)|不用|不(准|许)时', scope: 'sentence' },
    ],
    why: { 'zh-CN': '回绝业主的请求，没有说明原因或替代办法', 'en-US': "Turns the owner's request down with no reason or alternative" },
    replacement: '很抱歉，这个暂时没法按您说的办理',
  },
  // 质疑 — doubting
  {
    id: 'doubting.are-you-sure',
    redLine: 'doubting',
    staffSideOnly: true,
    match: regex(
      '(你|您)确定|确定[^。，]{0,6}吗|真的假的|不(太)?可能吧|不会吧|怎么可能|有证据吗|你有证据|有人看见吗|谁(跟你|和你)?说的|别瞎说|胡说|(你|您)真的[^。！？]{0,8}[？?]|(你|您)非(说|要说)|现在才说|早干(嘛|什么)去了|以前(就|都)这样',
    ),
    why: { 'zh-CN': '质疑业主说的情况是否属实', 'en-US': "Questions whether the owner's account is true" },
    replacement: '我马上核实一下',
  },
  {
    id: 'doubting.your-fault',
    redLine: 'doubting',
    staffSideOnly: true,
    match: regex(
      '(是不是|会不会是?|该不会是?|不会是|怕不是|肯定是)(你|您)|(是不是|会不会|不会是|怕不是|肯定是)(你|您)?(们)?(自己|家|记错|看错|搞错|听错|弄|没交|忘|故意|想|把)|(你|您)(是不是|会不会)(自己|记错|看错|搞错|听错|弄|没|忘|故意|想|把|用)|(看|记|搞|听)错了|是你(们)?(自己|家)(自己)?的问题|你(自己|家)的问题|自己的问题',
    ),
    why: { 'zh-CN': '把问题归咎于业主自己', 'en-US': 'Implies the owner caused the problem or got it wrong' },
    replacement: '为了尽快查清原因，我来核实一下',
  },
  {
    id: 'doubting.others-fine',
    redLine: 'doubting',
    staffSideOnly: true,
    match: regex(
      '别人(家)?都(好好的|没|没有)|其他(业主|人|住户)都(没|好好)|就你(家)?有问题|检查过了?[^。！？]{0,3}没(有)?问题|故意找茬|想少交|不想交|借这个机会|会不会用|不可能(睡|有|坏|漏)',
    ),
    why: { 'zh-CN': '拿别人或检查结果否定业主的感受', 'en-US': "Uses other owners or an inspection to deny the owner's experience" },
    replacement: '我再安排复查一次',
  },
  {
    id: 'doubting.not-believed',
    redLine: 'doubting',
    staffSideOnly: true,
    match: regex(
      '看清楚了?[吗没？?]|对不上|不对吧|误会了|搞混|弄混|记混|看走眼|想多了|夸张|哪有那么|不至于|至于投诉|看不出(有)?(什么|啥)?问题|拿什么证明|怎么证明|凭什么说|证据呢|说得好像|我不信|不相信(你)?|不可能是|从来没人(说|反映|提)|你是第一个|就你有意见|怎么就你|自己动过|私自(改|动|拆)',
    ),
    why: { 'zh-CN': '不相信业主的说法', 'en-US': 'Does not believe what the owner says' },
    replacement: '我马上核实一下',
  },
  // 随意 — casual
  {
    id: 'casual.slang',
    redLine: 'casual',
    staffSideOnly: true,
    match: regex(
      '哈哈|嘿嘿|呵呵|么么|[好的]哒|好滴|好嘞|得嘞|亲亲|^亲[，,]|老铁|哥们|兄弟[，,]|^(大哥|哥|美女|帅哥)[，,]|妥妥|没毛病|搞定|(?<!\\d)666(?!\\d)|\\bok\\b|(?<![a-z])ok(?![a-z])|emm|^额|嗯嗯|咋|啥|瞅|这玩意|完事|小意思|分分钟|包(在)?我身上|整(两下|个)|呗|[了吧啦]哈|哈[～~]|[～~]|啦[～~。，!！]?$|收到啦',
    ),
    why: { 'zh-CN': '用语随意、口语化，不像正式服务用语', 'en-US': 'Slang or chatty wording, not service language' },
  },
  {
    id: 'casual.vague',
    redLine: 'casual',
    staffSideOnly: true,
    match: regex('估计|估摸|应该吧|(?<!不|不太)可能吧|差不多吧|看情况吧|再说吧|再看看吧|回头(再|有空|聊|给你)|有空再|随便|无所谓|随你|这么着吧|先这样吧?呗?'),
    why: { 'zh-CN': '答复含糊随意，没有明确的时间和承诺', 'en-US': 'Vague and noncommittal: no time, no commitment' },
  },
  {
    id: 'casual.chatty',
    redLine: 'casual',
    staffSideOnly: true,
    match: regex(
      '咯|木(有|问题)|小case|搞掂|嘻嘻|哎哟|^嗨|妹子|^(姐|叔|老板|那谁|伙计|宝)[，,]|亲爱的|晓得|明儿|今儿|闲了|碰(碰)?运气|说不准|说不好|凑合|不值当|(?<!什)么问题|没事儿|拜拜|hh|233|yyds|回你|这个嘛|大概[^。，]{0,6}吧[。！!]?$|反正差不多|收到哈|哈[，,。]',
    ),
    why: { 'zh-CN': '闲聊式用语，不像正式服务用语', 'en-US': 'Chatty wording, not service language' },
  },
  {
    id: 'casual.emoji',
    redLine: 'casual',
    staffSideOnly: true,
    match: regex('\\p{Extended_Pictographic}'),
    why: { 'zh-CN': '正式回复中使用表情符号', 'en-US': 'Emoji in a service reply' },
    replacement: '',
  },
  // 推诿 — shirking
  {
    id: 'shirking.not-ours',
    redLine: 'shirking',
    staffSideOnly: true,
    match: regex(
      '不归(我们|物业|我)|不关(我们|物业|我)|不是(我们|我|物业)的?(事|责任|问题|负责|管)|不是(我们|我)(弄|做|干|搞)的|(跟|和|与)(我们|物业|我)(没|有啥|有什么|无)关|不在我(这|们)|(管|协调|解决|处理)不了|没(有)?权限|(物业|我们)不(负责|管|赔)|我们不管|别找我们|别问我们',
    ),
    unless: [{ pattern: keepsOwnership, scope: 'text' }],
    why: { 'zh-CN': '说事情不归自己管，把业主推走', 'en-US': 'Says it is not their business and sends the owner away' },
    replacement: '这件事我来负责协调',
  },
  {
    id: 'shirking.go-find',
    redLine: 'shirking',
    staffSideOnly: true,
    match: regex(
      '(你|您)?(去|自己|就)(找|问|打|联系|投诉|报警|解决|协商)|自己(说|谈|沟通|协商|商量)去|不好出面|不便出面|不(介入|插手)|(找|问|打)[^，。！？]{1,8}(去|吧)[。！!]?$|(你|您)(找|问|打)(开发商|施工方|装修|燃气|电梯|居委会|街道|业委会|12345|派出所|保险|领导|前台|别人|工程部|楼长|保安|总部|快递|白班)|(你|您)?(去|自己)?(找|问)(开发商|施工方|装修队|业委会|居委会)',
    ),
    unless: [{ pattern: keepsOwnership, scope: 'text' }],
    why: { 'zh-CN': '让业主自己去找别的单位，没有承担跟进', 'en-US': 'Sends the owner to another party without taking on the follow-up' },
    replacement: '这件事我来帮您联系相关单位',
  },
  {
    id: 'shirking.not-my-job',
    redLine: 'shirking',
    staffSideOnly: true,
    match: regex(
      '我(只是|就是)个?|只是(服务方|传话|个)|刚来的|上面定的|领导(没批|定的)|跟我说没用|我们只(负责|管)|(我|我们)也没办法|(是|属于)[^，。！？]{0,6}(开发商|施工方|市政|电梯公司|前任物业|快递公司|业委会|街道)的?(问题|事|责任)',
    ),
    unless: [{ pattern: keepsOwnership, scope: 'text' }],
    why: { 'zh-CN': '强调与自己岗位无关或责任在别人', 'en-US': "Stresses that it is not their job or someone else's fault" },
    replacement: '这件事我来负责协调',
  },
  {
    id: 'shirking.someone-else',
    redLine: 'shirking',
    staffSideOnly: true,
    match: regex(
      '说了不算|管不着|不背(这个)?锅|不负责这个|只(负责|管)(小区|公共|收费|扫地|里面)|归(市政|街道|社区|开发商|工程部|业委会|他们)|(是|属于)(工程部|客服|保安|保洁|维保公司|外包公司|快递员?|供暖公司|自来水公司|燃气公司|供电局|开发商|施工单位|社区|街道|市政)的?(活|事|问题|人|责任|负责)|找(社区|网格员|街道|楼长|总部|经理|别人|原来的物业|前物业|他们?)[。！!，,吧]|总部提|(跟|和|与)(我们)?物业(没|无)关|自己(处理|解决|协调|扯皮|去谈)|扯皮|分内|份内|轮到别人|有意见(去|找|直接)|直接打他们|上面的要求|别找我们',
    ),
    unless: [{ pattern: keepsOwnership, scope: 'text' }],
    why: { 'zh-CN': '把事情推给别的部门或单位', 'en-US': 'Passes the matter to another department or party' },
    replacement: '这件事我来负责协调',
  },
  {
    id: 'shirking.samples',
    redLine: 'shirking',
    staffSideOnly: true,
    match: { kind: 'similar', threshold: 0.6, samples: ['这个不归我们物业管', '这不是我们的责任', '你去找开发商吧'] },
    unless: [{ pattern: keepsOwnership, scope: 'text' }],
    why: { 'zh-CN': '与典型推诿话术相近', 'en-US': 'Close to a typical shirking phrase' },
    replacement: '这件事我来负责协调',
  },
];
