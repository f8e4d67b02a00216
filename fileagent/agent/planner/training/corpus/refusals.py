"""Requests the planner must refuse, with their refusal reading ("none why=chat|other|unclear").

Three kinds, in English, Chinese and mixed text:
- chat: greetings, thanks, farewells, feelings, questions about the world or about the tool;
- other: jobs for other programs (mail, chat, print, play, open in an app, install, run code, git,
  processes, power, network, translate, summarise, calendar, shopping, ...), often on a real file
  name ("play {f}", "把 {f} 打印出来"): a file name does not make a request a file job;
- unclear: gibberish, keyboard mash, stray characters, and file verbs with nothing to act on.

Templates are phrases with slots ({f} a file, {img} an image, {script} a script, {dir} a folder,
{person}, {app}, ...); about 15% of each kind's templates are held out by a hash of their text,
as the plan templates are (build.py), so the refusal rate is measured on unseen phrasings.
"""
from __future__ import annotations

import hashlib
import random

from fileagent.agent.planner.training.corpus.names import Ctx

HOLDOUT_FRACTION = 0.15

CHAT_EN = (
    "hi", "hello", "hey", "hey there", "hello there", "hiya", "yo", "sup", "what's up", "good morning",
    "good afternoon", "good evening", "good night", "morning!", "hi, how are you?", "how's it going",
    "how are you doing today", "nice to meet you", "long time no see", "thanks", "thank you", "thanks a lot",
    "thank you so much", "many thanks", "thx", "ty", "cheers", "much appreciated", "thanks, that's all",
    "great, thanks!", "perfect, thank you", "ok thanks", "that's all for now", "that will be all",
    "nothing else, thanks", "all good", "cool", "nice", "awesome", "great job", "well done", "you rock",
    "you're the best", "good bot", "bad bot", "lol", "haha", "hmm", "hmmm...", "ok", "okay", "k", "sure",
    "yes", "no", "nope", "yep", "maybe", "never mind", "nevermind", "forget it", "forget about it",
    "cancel that", "stop", "wait", "hold on", "bye", "goodbye", "see you", "see you later", "catch you later",
    "bye for now", "talk to you tomorrow", "have a nice day", "I'm bored", "I'm so tired today",
    "this is frustrating", "I love you", "are you there?", "can you hear me", "who are you",
    "what is your name", "what are you", "are you a robot", "are you human", "are you an AI",
    "who made you", "who built this tool", "what can you do", "what can you do for me", "what are you for",
    "how do you work", "how does this work", "how do I use you", "what commands do you know",
    "do you speak chinese", "can you speak english", "are you free", "is this program safe",
    "do you upload my files anywhere", "which model do you use", "how big is your model",
    "what version are you", "tell me about yourself", "what time is it", "what day is today",
    "what's the date today", "tell me a joke", "tell me a story", "sing me a song", "write me a poem",
    "what is the meaning of life", "what is the capital of {country}", "how far is the moon",
    "how tall is mount everest", "who won the world cup in 2018", "who is the president of {country}",
    "why is the sky blue", "how do airplanes fly", "what is photosynthesis", "how many days are in a year",
    "what's the population of {country}", "how do I cook {food}", "what should I eat for dinner",
    "recommend a good book", "recommend a movie for tonight", "what's a good name for a cat",
    "how do I learn python", "what is machine learning", "explain quantum physics to me",
    "is it going to rain tomorrow", "what's the weather like", "how old is the universe",
    "what does {word} mean", "how do you spell {word}", "what rhymes with {word}",
    "I have a question", "can I ask you something", "can you help me", "help me please",
    "I need some help with my life", "what should I do today", "give me some advice", "good job, buddy",
    "you are slow", "you are smart", "that was wrong", "that's not what I meant", "try again",
)
CHAT_ZH = (
    "你好", "您好", "嗨", "哈喽", "喂", "在吗", "在不在", "早上好", "早", "中午好", "下午好", "晚上好", "晚安",
    "你好呀", "最近怎么样", "吃了吗", "谢谢", "谢谢你", "多谢", "谢啦", "非常感谢", "感谢感谢", "辛苦了",
    "好的", "好", "行", "可以", "嗯嗯", "嗯", "哦", "噢", "啊", "哈哈", "哈哈哈", "呵呵", "666", "厉害",
    "真棒", "干得漂亮", "你真聪明", "你好笨", "不对", "错了", "不是这个意思", "再试一次", "没事了", "算了",
    "不用了", "就这样吧", "没别的了", "先这样", "停", "等一下", "取消", "再见", "拜拜", "回头见", "明天见",
    "下次再聊", "我好累", "我今天心情不好", "好无聊啊", "我爱你", "你是谁", "你叫什么名字", "你是机器人吗",
    "你是人工智能吗", "你是真人吗", "谁开发的你", "你能做什么", "你会干什么", "你有什么功能", "你怎么用",
    "这个工具怎么用", "你会说英语吗", "你用的是什么模型", "你会把我的文件上传吗", "你是免费的吗",
    "现在几点了", "今天星期几", "今天几号", "讲个笑话", "讲个故事", "唱首歌", "给我写首诗",
    "{country}的首都是哪里", "月亮离地球多远", "珠穆朗玛峰有多高", "天为什么是蓝的", "飞机为什么会飞",
    "一年有多少天", "{country}有多少人口", "{food}怎么做", "晚饭吃什么好", "推荐一本书", "推荐一部电影",
    "怎么学 python", "什么是机器学习", "给我讲讲量子力学", "明天会下雨吗", "今天天气怎么样",
    "宇宙有多大", "{word}是什么意思", "我有个问题", "能问你个问题吗", "帮帮我", "我该怎么办",
    "给我点建议", "人生的意义是什么", "你好慢", "你真厉害", "你在干嘛", "你几岁了", "你喜欢什么",
)

OTHER_EN = (
    "email {f} to {person}", "send {f} to {person}", "mail {f} to {person} please", "forward {f} to {person}",
    "send {f} to {person} by email", "share {f} with {person}", "post {img} on {social}",
    "put {img} on my {social}", "upload {f} to {cloud}", "sync {dir} with {cloud}", "print {f}",
    "print out {f} twice", "please print {f} on the office printer", "fax {f} to {person}",
    "play {song}", "play {video}", "listen to {song}", "watch {video}", "stream {video} to the tv",
    "put on some music", "play something relaxing", "open {f} in {app}", "open {f} with {app}",
    "launch {app}", "start {app}", "close {app}", "quit {app}", "edit {img} in photoshop", "crop {img}",
    "resize {img} to 800 pixels wide", "rotate {img} 90 degrees", "make {img} black and white",
    "remove the background from {img}", "set {img} as my wallpaper", "translate {f} into {language}",
    "translate this sentence into {language}", "summarize {f}", "give me a summary of {f}",
    "explain what {f} is about", "proofread {f}", "check {f} for spelling mistakes", "rewrite {f} more formally",
    "install {software}", "uninstall {software}", "update {software}", "upgrade all my packages",
    "run {script}", "execute {script}", "debug {script}", "compile {src}", "build the project",
    "run the tests", "run the unit tests in {dir}", "deploy the website", "lint {script}",
    "format the code in {script}", "git commit {f}", "git push", "commit everything and push",
    "pull the latest changes from github", "create a pull request", "kill {proc}", "kill all {proc} processes",
    "restart {proc}", "stop the {proc} service", "shut down the computer", "turn off my laptop",
    "reboot", "restart the machine", "put the computer to sleep", "log me out", "lock the screen",
    "connect to the wifi", "turn on the vpn", "disconnect from the network", "what's my ip address",
    "ping {host}", "ssh into {host}", "download {thing} from the internet", "download the latest {software}",
    "search the web for {thing}", "google {thing}", "look up {thing} online", "encrypt {f}",
    "decrypt {f} with my password", "password-protect {f}", "digitally sign {f}", "chmod 755 {script}",
    "make {script} executable", "change the owner of {f} to root", "mount the usb stick",
    "eject the usb drive", "format the external disk", "burn {f} to a dvd", "scan {f} for viruses",
    "run a virus scan", "check my email", "read my new messages", "reply to {person}'s email",
    "set an alarm for 7 am", "wake me up at six", "remind me to {task}", "remind me about {task} tomorrow",
    "add {task} to my calendar", "schedule a meeting with {person} on friday", "call {person}",
    "text {person} that I'm late", "message {person} on slack", "send a wechat message to {person}",
    "order {food}", "buy {thing} on amazon", "book a flight to {city}", "book a table for two tonight",
    "what's the weather in {city}", "will it snow in {city} this week", "calculate {math}",
    "what is {math}", "convert 100 dollars to euros", "turn up the volume", "mute the sound",
    "make the screen brighter", "take a screenshot", "record my screen", "open the browser",
    "go to youtube", "open google.com", "check the stock price of apple", "show me the news",
    "read {f} aloud", "read {f} to me out loud", "dictate a note", "count the words in {f}",
    "check {f} for plagiarism", "sign me up for the newsletter", "fill in the form in {f}",
    "import {sheet} into the database", "make a chart from {sheet}", "plot the numbers in {sheet}",
    "send {dir} to the printer", "back up my phone", "defragment the disk", "clean my registry",
)
OTHER_ZH = (
    "把 {f} 发给 {person}", "用邮件把 {f} 发送给 {person}", "把 {f} 邮件给 {person}", "把 {f} 转发给 {person}",
    "把 {f} 分享给 {person}", "把 {img} 发到朋友圈", "把 {img} 发到 {social}", "把 {f} 上传到 {cloud}",
    "把 {dir} 同步到 {cloud}", "打印 {f}", "把 {f} 打印出来", "帮我打印两份 {f}", "把 {f} 传真给 {person}",
    "播放 {song}", "放一下 {song}", "播放 {video}", "我想听 {song}", "把 {video} 投屏到电视上",
    "放点音乐", "来首轻松的歌", "用 {app} 打开 {f}", "在 {app} 里打开 {f}", "打开 {app}", "启动 {app}",
    "关掉 {app}", "退出 {app}", "用 photoshop 修一下 {img}", "裁剪 {img}", "把 {img} 缩小到 800 像素宽",
    "把 {img} 旋转 90 度", "把 {img} 调成黑白", "把 {img} 的背景去掉", "把 {img} 设为桌面壁纸",
    "把 {f} 翻译成{language}", "把这句话翻译成{language}", "总结一下 {f}", "概括 {f} 的内容",
    "帮我解释一下 {f} 讲的是什么", "帮我校对 {f}", "检查 {f} 里的错别字", "把 {f} 改写得正式一点",
    "安装 {software}", "卸载 {software}", "更新 {software}", "升级所有软件包", "运行 {script}",
    "执行 {script}", "调试 {script}", "编译 {src}", "构建这个项目", "跑一下测试", "跑 {dir} 里的单元测试",
    "部署网站", "检查 {script} 的代码风格", "格式化 {script} 的代码", "git 提交 {f}", "git push 一下",
    "把所有改动提交并推送", "从 github 拉取最新代码", "提一个 pull request", "杀掉 {proc} 进程",
    "结束所有 {proc} 进程", "重启 {proc}", "停止 {proc} 服务", "关机", "把电脑关了", "重启电脑",
    "让电脑休眠", "注销登录", "锁屏", "连上 wifi", "打开 vpn", "断开网络", "我的 ip 地址是多少",
    "ping 一下 {host}", "ssh 登录 {host}", "从网上下载 {thing}", "下载最新版的 {software}",
    "上网搜一下 {thing}", "百度一下 {thing}", "给 {f} 加密", "用密码解密 {f}", "给 {f} 设置密码",
    "给 {f} 签名", "把 {script} 的权限改成 755", "给 {script} 加上执行权限", "把 {f} 的所有者改成 root",
    "挂载 U 盘", "弹出 U 盘", "格式化移动硬盘", "把 {f} 刻录到光盘", "给 {f} 查毒", "全盘杀毒",
    "看看有没有新邮件", "读一下我的新消息", "回复 {person} 的邮件", "定一个早上七点的闹钟",
    "六点叫我起床", "提醒我{task}", "明天提醒我{task}", "把{task}加到日历里", "约 {person} 周五开会",
    "给 {person} 打电话", "给 {person} 发短信说我迟到了", "在钉钉上给 {person} 发消息", "给 {person} 发微信",
    "点一份{food}外卖", "在淘宝上买 {thing}", "订一张去{city}的机票", "订今晚两个人的位子",
    "{city}今天天气怎么样", "{city}这周会下雪吗", "算一下 {math}", "{math} 等于多少",
    "100 美元换成人民币是多少", "把音量调大", "静音", "屏幕亮一点", "截个屏", "录屏", "打开浏览器",
    "打开 b 站", "打开百度", "查一下苹果的股价", "看看今天的新闻", "把 {f} 朗读出来", "念一下 {f} 给我听",
    "统计一下 {f} 有多少字", "查一下 {f} 有没有抄袭", "把 {sheet} 导入数据库", "用 {sheet} 画个图表",
    "把 {sheet} 里的数据做成折线图", "备份一下手机", "清理一下注册表", "整理一下磁盘碎片",
)
OTHER_MIX = (
    "帮我 email {f} 给 {person}", "把 {f} send 给 {person}", "帮我 print 一下 {f}", "play 一下 {song}",
    "用 {app} open {f}", "帮我 run 一下 {script}", "把 {script} debug 一下", "git commit 一下",
    "把 {f} upload 到 {cloud}", "帮我 install {software}", "translate 一下 {f}", "summary 一下 {f}",
    "帮我 kill 掉 {proc}", "shutdown 电脑", "帮我 google 一下 {thing}", "把 {img} post 到 {social}",
)

UNCLEAR_WORDS_EN = (
    "delete", "remove", "move", "copy", "rename", "erase", "move it", "delete it", "copy that", "rename it",
    "do it", "do the thing", "fix it", "fix this", "the files", "files", "stuff", "things", "folder",
    "this one", "that one", "the usual", "same as before", "again", "whatever", "something", "anything",
    "do something with the folder", "handle it", "sort it out somehow", "just do it", "go", "start",
)
UNCLEAR_WORDS_ZH = (
    "删除", "移动", "复制", "重命名", "删了", "删掉它", "移一下", "复制一下", "改个名", "弄一下", "处理一下",
    "搞定它", "那个", "这个", "文件", "东西", "那些文件", "老样子", "跟上次一样", "再来一次", "随便",
    "随便弄弄", "开始", "来吧", "干活", "帮我弄", "整一下那个",
)
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "qazwsxedc", "plokijuhy", "mnbvcxz")
_CJK_COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
               "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机"
               "当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反"
               "你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五"
               "果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运")
_PUNCT = ("...", "???", "!!!", "?", "!", "。。。", "？？", "…", "~", "-_-", ":)", ":(", ";)", "^_^", "orz",
          "🙂", "👍", "😂", "🤔", "🙏", "❤️", "🎉", "😅")

SLOTS_EN = {
    "person": ("bob", "alice", "my boss", "the team", "mom", "John", "Sarah", "the client", "my teacher",
               "accounting", "hr@example.com", "Li Wei"),
    "social": ("instagram", "facebook", "twitter", "linkedin", "tiktok", "weibo", "reddit"),
    "cloud": ("dropbox", "google drive", "onedrive", "icloud", "s3", "the server", "baidu netdisk"),
    "app": ("excel", "word", "vs code", "vim", "notepad", "photoshop", "vlc", "chrome", "preview",
            "libreoffice", "pycharm", "wps", "keynote"),
    "language": ("French", "German", "Japanese", "Spanish", "Chinese", "English", "Korean"),
    "software": ("python", "node", "docker", "chrome", "zoom", "spotify", "the latest drivers", "office",
                 "git", "steam", "vscode", "wechat"),
    "proc": ("python", "chrome", "java", "node", "nginx", "docker", "firefox", "the backup job"),
    "host": ("google.com", "the server", "192.168.1.10", "my raspberry pi", "example.org"),
    "thing": ("a new laptop", "cat videos", "python tutorials", "the latest news", "cheap flights", "headphones",
              "a birthday gift", "the song lyrics", "a movie"),
    "task": ("call the dentist", "buy milk", "pay the rent", "water the plants", "submit the report",
             "pick up the kids"),
    "food": ("pizza", "sushi", "dumplings", "a burger", "noodles", "pasta"),
    "city": ("paris", "tokyo", "london", "new york", "shanghai", "berlin", "sydney"),
    "math": ("12 * 37", "the square root of 144", "15% of 80", "2 to the power of 10", "355 / 113"),
    "country": ("france", "japan", "brazil", "canada", "egypt", "india"),
    "word": ("serendipity", "ephemeral", "cat", "algorithm", "ubiquitous"),
}
SLOTS_ZH = {
    "person": ("老王", "小李", "张经理", "老板", "客户", "同事", "妈妈", "财务部", "李老师", "bob", "alice"),
    "social": ("微博", "小红书", "抖音", "朋友圈", "知乎", "b 站", "instagram"),
    "cloud": ("百度网盘", "阿里云盘", "坚果云", "onedrive", "服务器", "icloud"),
    "app": ("excel", "word", "wps", "记事本", "vs code", "photoshop", "potplayer", "浏览器", "typora"),
    "language": ("英文", "日文", "法语", "德语", "中文", "韩语"),
    "software": ("python", "微信", "qq", "钉钉", "office", "docker", "chrome", "显卡驱动", "steam"),
    "proc": ("python", "chrome", "java", "微信", "nginx", "qq"),
    "host": ("百度", "服务器", "192.168.0.1", "树莓派"),
    "thing": ("一台新电脑", "猫的视频", "python 教程", "今天的新闻", "便宜机票", "耳机", "生日礼物", "歌词"),
    "task": ("给牙医打电话", "买牛奶", "交房租", "浇花", "交报告", "接孩子"),
    "food": ("披萨", "寿司", "饺子", "汉堡", "拉面", "黄焖鸡"),
    "city": ("北京", "上海", "广州", "深圳", "东京", "成都", "杭州"),
    "math": ("12 乘 37", "144 的平方根", "80 的 15%", "2 的 10 次方", "355 除以 113"),
    "country": ("法国", "日本", "巴西", "加拿大", "埃及", "印度"),
    "word": ("内卷", "躺平", "缘分", "算法", "赛博朋克"),
}
_IMG_EXTS = ("jpg", "png", "jpeg", "heic", "gif")
_SONG_EXTS = ("mp3", "flac", "wav", "m4a")
_VIDEO_EXTS = ("mp4", "mov", "mkv", "avi")
_SCRIPT_EXTS = ("py", "sh", "js", "rb", "ps1", "bat")
_SRC_EXTS = ("c", "cpp", "java", "go", "rs")
_SHEET_EXTS = ("xlsx", "csv", "xls")


def _rank(text: str) -> float:
    return int(hashlib.sha1(("refuse:" + text).encode("utf-8")).hexdigest()[:12], 16) / 16 ** 12


def split_of(text: str) -> str:
    return "heldout" if _rank(text) < HOLDOUT_FRACTION else "train"


def _templates(kind: str, lang: str) -> tuple[str, ...]:
    if kind == "chat":
        return CHAT_EN if lang == "en" else CHAT_ZH
    if kind == "other":
        return OTHER_EN if lang == "en" else OTHER_ZH + (OTHER_MIX if lang == "mix" else ())
    return UNCLEAR_WORDS_EN if lang == "en" else UNCLEAR_WORDS_ZH


def _file_with(ctx: Ctx, exts: tuple[str, ...]) -> str:
    folder = ctx.folder() if ctx.rng.random() < 0.3 else ""
    name = f"{ctx.stem()}.{ctx.pick(exts)}"
    return f"{folder}/{name}" if folder else name


def _slot(ctx: Ctx, key: str, lang: str) -> str:
    """A slot's value: file-like slots become names placed through ctx (quoted as requests quote
    names); the rest are plain words."""
    if key == "f":
        folder, name = ctx.fresh_file()
        return ctx.name(f"{folder}/{name}" if folder else name)
    exts = {"img": _IMG_EXTS, "song": _SONG_EXTS, "video": _VIDEO_EXTS, "script": _SCRIPT_EXTS,
            "src": _SRC_EXTS, "sheet": _SHEET_EXTS}.get(key)
    if exts:
        return ctx.name(_file_with(ctx, exts))
    if key == "dir":
        return ctx.name(ctx.folder())
    table = SLOTS_EN if lang == "en" or ctx.rng.random() < 0.2 else SLOTS_ZH
    return ctx.pick(table[key])


def _gibberish(rng: random.Random, lang: str) -> str:
    r = rng.random()
    letters = "abcdefghijklmnopqrstuvwxyz"
    if r < 0.3:
        words = [
            "".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(rng.randint(1, 4))
        ]
        return " ".join(words)
    if r < 0.45:
        row = rng.choice(_KEYBOARD)
        i = rng.randrange(len(row) - 2)
        return row[i:i + rng.randint(3, len(row) - i)] * rng.randint(1, 2)
    if r < 0.65 and lang != "en":
        return "".join(rng.choice(_CJK_COMMON) for _ in range(rng.randint(2, 8)))
    if r < 0.8:
        return "".join(rng.choice(_PUNCT) for _ in range(rng.randint(1, 3)))
    if r < 0.9:
        return str(rng.randint(0, 10 ** rng.randint(1, 8)))
    mixed = letters + "0123456789;',./[]-="
    return "".join(rng.choice(mixed) for _ in range(rng.randint(4, 16)))


_KINDS: tuple[str, ...] = ("chat", "other", "unclear")
_KIND_WEIGHTS: tuple[float, ...] = (0.38, 0.47, 0.15)


def example(rng: random.Random, lang: str) -> tuple[str, str, str, str]:
    """(request, target text, template id, split) for one request to refuse."""
    kind = rng.choices(_KINDS, _KIND_WEIGHTS)[0]
    ctx = Ctx(rng, lang)
    if kind == "unclear" and rng.random() < 0.55:
        text = _gibberish(rng, lang)
        return text, "none why=unclear", f"{lang}.refuse_gibberish.0", split_of(text)
    tpls = _templates(kind, lang)
    k = rng.randrange(len(tpls))
    tpl = tpls[k]
    split = split_of(tpl)
    slots = {}
    for key in _slot_names(tpl):
        slots[key] = _slot(ctx, key, lang)
    core = tpl.format(**slots)
    if lang == "en" and rng.random() < 0.3:
        core = core[:1].upper() + core[1:]
    if rng.random() < 0.25:
        core += rng.choice(("?", "!", ".", " please", " thanks", " 谢谢", "。", "吧", "呗")
                           if lang != "en" else ("?", "!", ".", " please", " thanks", " asap", " now"))
    if kind == "other" and rng.random() < 0.15:
        pre = ("please ", "can you ", "could you ", "I want you to ", "hey, ") if lang == "en" else \
            ("请", "帮我", "麻烦", "你能不能", "我想让你")
        core = rng.choice(pre) + core
    src = ctx.finish(core)
    return src, f"none why={kind}", f"{lang}.refuse_{kind}.{k}", split


def _slot_names(tpl: str) -> list[str]:
    import string
    return [f for _, f, _, _ in string.Formatter().parse(tpl) if f]
