"""100 planner probes (60 English, then 40 Chinese or mixed) for bench_planner_probes.py.

Written by someone who read the plan format and the corpus's TARGETS but not its
request phrasings (nor ../shared/eval): everyday requests in its own words. Never put these
requests, or rewrites of them, into the corpus: they measure phrasings and names the model never saw.

Each entry is (request, expected plan text). Expected plans are canonical plan text
(to_text(from_text(p)) == p). The first N_EN entries are English, the rest Chinese.
"""

N_EN = 60

PROBES_EN = [
    # ---- create
    ('Make a new folder called "Tax Returns 2024".', 'create path="Tax Returns 2024" kind=dir'),
    ("I need an empty shopping.txt inside the groceries folder", 'create path="groceries/shopping.txt"'),
    (
        'Start a new file "ideas/blog post.md" whose content is "Outline: intro, body, wrap-up"',
        'create path="ideas/blog post.md" content="Outline: intro, body, wrap-up"',
    ),
    ("Create a folder called 家庭照片 inside albums", 'create path="albums/家庭照片" kind=dir'),
    # ---- read
    ("What does recipes/pancakes.txt say?", 'read path="recipes/pancakes.txt"'),
    ('Print the contents of every markdown file in the "meeting notes" folder', 'read in="meeting notes" ext=md'),
    # ---- update
    (
        'At the end of journal.md, add the line "Walked 5 km today"',
        'update path="journal.md" mode=append text="Walked 5 km today"',
    ),
    (
        'Put "CONFIDENTIAL" at the very top of every .txt file in the contracts folder',
        'update in="contracts" ext=txt mode=prepend text="CONFIDENTIAL"',
    ),
    (
        'Wipe todo.txt and make it say only "nothing left to do"',
        'update path="todo.txt" mode=set text="nothing left to do"',
    ),
    (
        'In config/settings.ini, change every "debug=true" to "debug=false"',
        'update path="config/settings.ini" mode=replace find="debug=true" text="debug=false"',
    ),
    (
        r'In changelog.md, replace every match of the regular expression "\d{4}-\d{2}-\d{2}" with "DATE"',
        r'update path="changelog.md" mode=replace_regex find="\\d{4}-\\d{2}-\\d{2}" text="DATE"',
    ),
    # ---- delete
    ("old_invoice.pdf in billing can be deleted", 'delete path="billing/old_invoice.pdf"'),
    ('Remove all .tmp files in "build output", subfolders included', 'delete in="build output" recursive ext=tmp'),
    ("Get rid of every file in downloads that is bigger than 500 MB", 'delete in="downloads" larger=500MB'),
    # ---- move / copy
    ('report.docx belongs in "Final Reports", please move it there', 'move path="report.docx" to="Final Reports"'),
    ("Shift all the PDFs from inbox over to archive/2023", 'move in="inbox" ext=pdf to="archive/2023"'),
    (
        'Copy every image in camera to "Photo Backup"',
        'copy in="camera" ext=jpg ext=jpeg ext=png ext=gif to="Photo Backup"',
    ),
    (
        "Duplicate the entire contents of projects/website, folders too, into backups/website",
        'copy in="projects/website" kind=any to="backups/website"',
    ),
    # ---- rename
    ("Please give draft_v3.md the name final.md", 'rename path="draft_v3.md" new_name="final.md"'),
    ("Change the extension of every .jpeg file in wallpapers to .jpg", 'rename in="wallpapers" ext=jpeg set_ext=jpg'),
    (
        'Stick the prefix "2024_" on the names of all csv files in exports',
        'rename in="exports" ext=csv add_prefix="2024_"',
    ),
    (
        'Add the suffix "_old" to the names of all the log files in "server logs"',
        'rename in="server logs" ext=log add_suffix="_old"',
    ),
    (
        'Rename all the photos in trip/day1 following the pattern "beach_{n:03}.{ext}"',
        'rename in="trip/day1" ext=jpg ext=jpeg ext=png ext=gif template="beach_{n:03}.{ext}"',
    ),
    # ---- list
    ("Give me a quick look at what the Desktop folder holds", 'list path="Desktop"'),
    (
        'Find all files in logs whose names start with "err", searching subfolders too',
        'list in="logs" pattern="err*" recursive',
    ),
    ("Which subfolders does projects have?", 'list in="projects" kind=dir'),
    ("List the files in music that are over 20 MB", 'list in="music" larger=20MB'),
    ("Show the files in notes changed on or after May 1, 2024", 'list in="notes" after=2024-05-01'),
    ('Find the .txt files in journal that contain "vacation"', 'list in="journal" ext=txt has="vacation"'),
    (
        "List every video anywhere under media, including nested folders",
        'list in="media" recursive ext=mp4 ext=mov ext=mkv',
    ),
    (r'Show me the files in docs whose names match the regex "^v\d+_"', r'list in="docs" name~="^v\\d+_"'),
    # ---- classify
    (
        "Give each file extension in Downloads its own folder and sort the files into them",
        'classify in="Downloads" by=extension',
    ),
    (
        'Organize "misc stuff" into category folders (images, documents, videos and so on)',
        'classify in="misc stuff" by=type',
    ),
    ('Split "Camera Uploads" into folders by month', 'classify in="Camera Uploads" by=month'),
    ("File everything in bills into one folder per year of last modification", 'classify in="bills" by=year'),
    ('Divide the files in "video exports" into small, medium and large by size', 'classify in="video exports" by=size'),
    (
        'In research, files mentioning "neural" go to ml, files mentioning "protein" go to bio, '
        "and everything else goes to other",
        'classify in="research" by=keywords if="neural" then="ml" if="protein" then="bio" else="other"',
    ),
    ('Apply my "work" rule set to the files in inbox', 'classify in="inbox" rule_set="work"'),
    (
        'Sort every file in scans by extension and put the resulting folders inside "sorted"',
        'classify in="scans" by=extension dest="sorted"',
    ),
    ('Could you bring some order to the "Desktop Junk" folder?', 'classify in="Desktop Junk"'),
    # ---- tag
    ('Tag plan.md with "urgent"', 'tag path="plan.md" tag="urgent"'),
    ('Label every pdf in receipts as "tax" and "2024"', 'tag in="receipts" ext=pdf tag="tax" tag="2024"'),
    ('Remove the "draft" tag from essay.md', 'tag path="essay.md" tag="draft" remove'),
    (
        'Tag all the audio files in podcasts with "listened"',
        'tag in="podcasts" ext=mp3 ext=wav ext=flac tag="listened"',
    ),
    (
        'Take the "review" tag off every file in drafts that is tagged "approved"',
        'tag in="drafts" tagged="approved" tag="review" remove',
    ),
    # ---- selections with filters
    (
        'Delete all the zip files in "old downloads" last modified before 1 January 2022',
        'delete in="old downloads" ext=zip before=2022-01-01',
    ),
    (
        'Move every file in tasks that is tagged "done" to tasks/archive',
        'move in="tasks" tagged="done" to="tasks/archive"',
    ),
    (
        'Copy the spreadsheets from finance that were modified in 2025 to "year end"',
        'copy in="finance" ext=xls ext=xlsx after=2025-01-01 before=2026-01-01 to="year end"',
    ),
    (
        "In temp, delete the files under 1 KB that were modified in March 2024",
        'delete in="temp" smaller=1KB after=2024-03-01 before=2024-04-01',
    ),
    ("Move 合同.pdf into the legal folder", 'move path="合同.pdf" to="legal"'),
    # ---- two steps
    (
        "Set up an invoices folder and move every pdf file from downloads there",
        'create path="invoices" kind=dir ; move in="downloads" ext=pdf to="invoices"',
    ),
    (
        "Rename notes.txt to meeting.txt and after that put it in work",
        'rename path="notes.txt" new_name="meeting.txt" ; move path="meeting.txt" to="work"',
    ),
    ('Show me what\'s in "to do.md" one last time, then delete it', 'read path="to do.md" ; delete path="to do.md"'),
    (
        'Make a file called readme.md containing "Project Phoenix", then tag it "docs"',
        'create path="readme.md" content="Project Phoenix" ; tag path="readme.md" tag="docs"',
    ),
    (
        'Back up budget.xlsx into backup, then overwrite the original with "reset"',
        'copy path="budget.xlsx" to="backup" ; update path="budget.xlsx" mode=set text="reset"',
    ),
    (
        'Show me what\'s in "screen shots" first, and afterwards remove the png files from it',
        'list path="screen shots" ; delete in="screen shots" ext=png',
    ),
    (
        'Tag every mp4 in clips with "raw", then sort clips into folders by month',
        'tag in="clips" ext=mp4 tag="raw" ; classify in="clips" by=month',
    ),
    (
        'Prepend "# TODO" to ideas.md and then show me what the file says',
        'update path="ideas.md" mode=prepend text="# TODO" ; read path="ideas.md"',
    ),
    # ---- three steps
    (
        'Create the folder "old reports", move all docx files from reports into "old reports", '
        'and then list "old reports"',
        'create path="old reports" kind=dir ; move in="reports" ext=docx to="old reports" ; list path="old reports"',
    ),
    (
        'Delete cache.db, rename app.cfg to app.ini, and append "mode=prod" to app.ini',
        'delete path="cache.db" ; rename path="app.cfg" new_name="app.ini" ; '
        'update path="app.ini" mode=append text="mode=prod"',
    ),
]

PROBES_ZH = [
    # ---- create
    ("新建一个叫「旅行计划」的文件夹", 'create path="旅行计划" kind=dir'),
    ("在 工作 文件夹里建一个空文件 周报.docx", 'create path="工作/周报.docx"'),
    ("新建文件 待办.txt，内容写“买牛奶”", 'create path="待办.txt" content="买牛奶"'),
    # ---- read
    ("打开 笔记/读书.md 看看里面写了什么", 'read path="笔记/读书.md"'),
    # ---- update
    ("把“今天完成了报告”追加到 日记.txt 末尾", 'update path="日记.txt" mode=append text="今天完成了报告"'),
    (
        "在 合同 文件夹里 2024年3月1日以后修改过的 md 文件开头加上“草稿”",
        'update in="合同" ext=md after=2024-03-01 mode=prepend text="草稿"',
    ),
    ("把 说明.txt 的内容整个改成“暂无说明”", 'update path="说明.txt" mode=set text="暂无说明"'),
    ("把 简历.md 里的“北京”全部替换成“上海”", 'update path="简历.md" mode=replace find="北京" text="上海"'),
    (
        r"版本记录.txt 里凡是匹配正则 “v\d+” 的地方都换成 “vX”",
        r'update path="版本记录.txt" mode=replace_regex find="v\\d+" text="vX"',
    ),
    # ---- delete
    ("删除 临时 文件夹及所有子文件夹里的 log 文件", 'delete in="临时" recursive ext=log'),
    ("删掉 旧照片.zip", 'delete path="旧照片.zip"'),
    ("删除 备份 文件夹里 2020年1月1日以前修改的所有文件", 'delete in="备份" before=2020-01-01'),
    # ---- move / copy
    ("把 下载 里的所有 pdf 移到 文档/电子书", 'move in="下载" ext=pdf to="文档/电子书"'),
    ("把 报告.pptx 复制到 备份 文件夹", 'copy path="报告.pptx" to="备份"'),
    (
        "把 照片 文件夹里所有大于 5MB 的图片复制到 大图",
        'copy in="照片" ext=jpg ext=jpeg ext=png ext=gif larger=5MB to="大图"',
    ),
    (
        "把 工作 文件夹里 2023年修改过的 Excel 表格移到 归档/2023",
        'move in="工作" ext=xls ext=xlsx after=2023-01-01 before=2024-01-01 to="归档/2023"',
    ),
    ("把所有打了“完成”标签的文件从 任务 移到 已完成", 'move in="任务" tagged="完成" to="已完成"'),
    ("帮我把 Downloads 里的 mp4 文件 move 到 Videos", 'move in="Downloads" ext=mp4 to="Videos"'),
    # ---- rename
    ("把 草稿.md 重命名为 定稿.md", 'rename path="草稿.md" new_name="定稿.md"'),
    ("把 音乐 文件夹里所有 wav 文件的扩展名改成 mp3", 'rename in="音乐" ext=wav set_ext=mp3'),
    ("给 发票 里的所有 pdf 文件名前面加上“2024_”", 'rename in="发票" ext=pdf add_prefix="2024_"'),
    ("给 截图 文件夹里所有 png 的文件名后面加“_已看”", 'rename in="截图" ext=png add_suffix="_已看"'),
    ("按照“会议_{n}.{ext}”的格式给 录音 里的所有文件重命名", 'rename in="录音" template="会议_{n}.{ext}"'),
    # ---- list
    ("看看 项目 里有哪些子文件夹", 'list in="项目" kind=dir'),
    ("列出 日志 文件夹及其子文件夹中所有名字以“error”开头的文件", 'list in="日志" pattern="error*" recursive'),
    ("找出 文档 里所有小于 100KB 的 txt 文件", 'list in="文档" ext=txt smaller=100KB'),
    ("列出 笔记 里包含“周会”的 md 文件", 'list in="笔记" ext=md has="周会"'),
    # ---- classify
    ("把 下载 文件夹按扩展名分类", 'classify in="下载" by=extension'),
    ("按类别整理 桌面，图片、文档、视频各放一类", 'classify in="桌面" by=type'),
    ("把 相册 里的文件按年份归档", 'classify in="相册" by=year'),
    ("把 账单 按月份分好", 'classify in="账单" by=month'),
    ("按大小把 视频素材 分成小、中、大三类", 'classify in="视频素材" by=size'),
    (
        "整理 资料 文件夹：含有“发票”的放到 财务，含有“合同”的放到 法务，其他的放到 杂项",
        'classify in="资料" by=keywords if="发票" then="财务" if="合同" then="法务" else="杂项"',
    ),
    # ---- tag
    ("给 计划书.docx 加上“重要”标签", 'tag path="计划书.docx" tag="重要"'),
    ("把 论文 文件夹里所有 pdf 的“待读”标签去掉", 'tag in="论文" ext=pdf tag="待读" remove'),
    # ---- multi-step
    (
        "先新建文件夹 图片备份，再把 相机 里的所有 jpg 复制进去",
        'create path="图片备份" kind=dir ; copy in="相机" ext=jpg to="图片备份"',
    ),
    (
        "把 旧名字.txt 改名为 新名字.txt，然后移到 整理好 文件夹",
        'rename path="旧名字.txt" new_name="新名字.txt" ; move path="新名字.txt" to="整理好"',
    ),
    (
        "新建 通知.md，内容是“明天放假”，然后给它打上“公告”标签",
        'create path="通知.md" content="明天放假" ; tag path="通知.md" tag="公告"',
    ),
    (
        "先列出 收件箱 的内容，然后删除里面的 tmp 文件，最后把 收件箱 按类别整理",
        'list path="收件箱" ; delete in="收件箱" ext=tmp ; classify in="收件箱" by=type',
    ),
    (
        "先 read 一下 config.yaml，再把它 copy 到 backup，最后在 config.yaml 末尾追加“# checked”",
        'read path="config.yaml" ; copy path="config.yaml" to="backup" ; '
        'update path="config.yaml" mode=append text="# checked"',
    ),
]

PROBES = PROBES_EN + PROBES_ZH

assert len(PROBES_EN) == N_EN and len(PROBES_ZH) == 40 and len(PROBES) == 100
