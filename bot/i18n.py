"""Every user-facing string in English, Simplified Chinese and Traditional Chinese, in one place.

Reply text follows the member's Discord language, then the server's, then English (``lang_of``). Command names,
descriptions, options and choices are translated for Discord by :class:`NewsdeskTranslator` (discord.py only
translates that metadata; replies are localized here). The Traditional strings were converted from the
Simplified ones with OpenCC's s2twp table (Taiwan phrasing) and reviewed; keep the three columns in step.
"""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands

SUPPORTED = ("en", "zh-CN", "zh-TW")
_INDEX = {"en": 0, "zh-CN": 1, "zh-TW": 2}

# key: (English, Simplified Chinese, Traditional Chinese)
REPLIES: dict[str, tuple[str, str, str]] = {
    "page": ("page {i}/{n}", "第 {i}/{n} 页", "第 {i}/{n} 頁"),
    "upload_too_big": (
        "That file is {size:,} bytes; the limit is {limit:,} bytes (1 MB).",
        "该文件有 {size:,} 字节；上限是 {limit:,} 字节（1 MB）。",
        "該檔案有 {size:,} 位元組；上限是 {limit:,} 位元組（1 MB）。",
    ),
    "upload_bad": (
        "That file can't be used: {reason}.",
        "无法使用该文件：{reason}。",
        "無法使用該檔案：{reason}。",
    ),
    "upload_preview": (
        "Add this article? {sections} section(s), {claims} claim(s); people named: {people}.",
        "要添加这篇文章吗？{people} 位人物，{claims} 条说法，{sections} 个部分。",
        "要新增這篇文章嗎？{people} 位人物，{claims} 條說法，{sections} 個部分。",
    ),
    "upload_confirm": ("Add it", "添加", "新增"),
    "upload_added": ("Added “{title}”.", "已添加《{title}》。", "已新增《{title}》。"),
    "upload_same": (
        "“{title}” is already here; nothing changed.",
        "《{title}》已经存在，没有变化。",
        "《{title}》已經存在，沒有變化。",
    ),
    "remove_confirm": ("Remove it", "删除", "刪除"),
    "remove_ask": (
        "Remove “{title}” and its people and claims?",
        "删除《{title}》及其人物和说法？",
        "刪除《{title}》及其人物和說法？",
    ),
    "hide_ask": (
        "Hide “{title}” in this server? It comes from the bot's shared articles: other servers still see it.",
        "在本服务器隐藏《{title}》？它来自机器人的公共文章：其他服务器仍可看到。",
        "在本伺服器隱藏《{title}》？它來自機器人的公共文章：其他伺服器仍可看到。",
    ),
    "removed": ("Removed “{title}”.", "已删除《{title}》。", "已刪除《{title}》。"),
    "removed_hidden": (
        "Hid “{title}” in this server. It comes from the bot's shared articles, so other servers still see it.",
        "已在本服务器隐藏《{title}》。它来自机器人的公共文章，其他服务器仍可看到。",
        "已在本伺服器隱藏《{title}》。它來自機器人的公共文章，其他伺服器仍可看到。",
    ),
    "pong": ("Pong: I'm here and listening.", "我在，正在待命。", "我在，正在待命。"),
    "cont": ("{name} (cont.)", "{name}（续）", "{name}（續）"),
    "lang_en": ("English", "英语", "英語"),
    "lang_zh-CN": ("Simplified Chinese", "简体中文", "簡體中文"),
    "lang_zh-TW": ("Traditional Chinese", "繁体中文", "繁體中文"),
    "no_article": (
        "No article matches “{shown}”. Pick one from the list as you type, or try `/articles search`.",
        "没有与“{shown}”匹配的文章。请在输入时从列表中选择，或试试 `/articles search`。",
        "沒有與“{shown}”匹配的文章。請在輸入時從列表中選擇，或試試 `/articles search`。",
    ),
    "no_person_dym": (
        "No one called “{shown}” appears in the articles. Did you mean: {names}?",
        "文章中没有名为“{shown}”的人。你是不是要找：{names}？",
        "文章中沒有名為“{shown}”的人。你是不是要找：{names}？",
    ),
    "no_person": (
        "No one called “{shown}” appears in the articles. `/people` lists who does.",
        "文章中没有名为“{shown}”的人。`/people` 可列出文章中的人物。",
        "文章中沒有名為“{shown}”的人。`/people` 可列出文章中的人物。",
    ),
    "no_articles": (
        "I don't know any articles yet. An admin can add some to the configured folders.",
        "我还没有任何文章。管理员可以把文章放进配置的文件夹。",
        "我還沒有任何文章。管理員可以把文章放進配置的資料夾。",
    ),
    "no_search": (
        "No article mentions “{shown}”. Try fewer or different words.",
        "没有文章提到“{shown}”。请减少或更换关键词。",
        "沒有文章提到“{shown}”。請減少或更換關鍵詞。",
    ),
    "title_newest": (
        "Newest articles",
        "最新文章",
        "最新文章",
    ),
    "title_matching": (
        "Articles matching “{shown}”",
        "与“{shown}”匹配的文章",
        "與“{shown}”匹配的文章",
    ),
    "no_people_in": (
        "No people are named in “{title}”.",
        "《{title}》中没有提到任何人。",
        "《{title}》中沒有提到任何人。",
    ),
    "no_people": (
        "No people are named in the articles I know.",
        "我所知道的文章中没有提到任何人。",
        "我所知道的文章中沒有提到任何人。",
    ),
    "title_people_in": (
        "People in: {title}",
        "文中人物：{title}",
        "文中人物：{title}",
    ),
    "title_most": (
        "Most mentioned people",
        "被提及最多的人物",
        "被提及最多的人物",
    ),
    "no_claims": (
        "No claims match {described}. Try fewer filters.",
        "没有符合{described}的说法。请减少筛选条件。",
        "沒有符合{described}的說法。請減少篩選條件。",
    ),
    "filter_article": (
        "article “{x}”",
        "文章“{x}”",
        "文章“{x}”",
    ),
    "filter_person": (
        "person {x}",
        "人物 {x}",
        "人物 {x}",
    ),
    "filter_stance": (
        "stance {x}",
        "立场 {x}",
        "立場 {x}",
    ),
    "filter_about": (
        "about “{x}”",
        "关于“{x}”",
        "關於“{x}”",
    ),
    "filter_all": (
        "all articles",
        "全部文章",
        "全部文章",
    ),
    "title_claims": (
        "Claims: {described}",
        "说法：{described}",
        "說法：{described}",
    ),
    "digest_none": (
        "No digest is scheduled here yet. Set one with `/digest set`.",
        "这里还没有安排每日简报。请用 `/digest set` 设置。",
        "這裡還沒有安排每日簡報。請用 `/digest set` 設定。",
    ),
    "digest_empty": (
        "Nothing new since the last digest: the next one would be empty.",
        "自上次简报以来没有新内容：下一期将是空的。",
        "自上次簡報以來沒有新內容：下一期將是空的。",
    ),
    "digest_need_channel": (
        "Set a channel first with `/digest set`.",
        "请先用 `/digest set` 设置频道。",
        "請先用 `/digest set` 設定頻道。",
    ),
    "digest_not_posted": (
        "The digest was not posted: {error}",
        "简报未能发布：{error}",
        "簡報未能發布：{error}",
    ),
    "digest_posted": (
        "Posted {n} article(s): {url}",
        "已发布 {n} 篇文章：{url}",
        "已發布 {n} 篇文章：{url}",
    ),
    "digest_not_running": (
        "No daily digest is running here.",
        "这里没有正在运行的每日简报。",
        "這裡沒有正在執行的每日簡報。",
    ),
    "digest_off": (
        "The daily digest is off. `/digest set` turns it on again.",
        "每日简报已关闭。`/digest set` 可以重新开启。",
        "每日簡報已關閉。`/digest set` 可以重新開啟。",
    ),
    "stats_need_server": (
        "Server statistics only exist in a server. Use `scope: me` here.",
        "服务器统计只在服务器中可用。这里请使用 `scope: me`。",
        "伺服器統計只在伺服器中可用。這裡請使用 `scope: me`。",
    ),
    "forget_ask": (
        "This deletes, in every server, every record of the commands you ran and all your follows with their "
        "alerts, and takes your name off the feeds you added (the feeds keep running). It cannot be undone.",
        "这将在所有服务器中删除你使用命令的全部记录、你的全部关注及其提醒，并从你添加的订阅源上去掉你的名字"
        "（订阅源照常运行），且无法撤销。",
        "這將在所有伺服器中刪除你使用命令的全部記錄、你的全部關注及其提醒，並從你新增的訂閱源上去掉你的名字"
        "（訂閱源照常運行），且無法撤銷。",
    ),
    "stats_removed_article": ("(a removed article)", "（已删除的文章）", "（已刪除的文章）"),
    "stats_only_yours": (
        "Server-wide figures need the Manage Server permission, so these are your own (`scope: me`).",
        "全服务器的统计需要“管理服务器”权限，所以这里显示的是你自己的（`scope: me`）。",
        "全伺服器的統計需要「管理伺服器」權限，所以這裡顯示的是你自己的（`scope: me`）。",
    ),
    "forget_button": (
        "Delete my records",
        "删除我的记录",
        "刪除我的記錄",
    ),
    "cancel": (
        "Cancel",
        "取消",
        "取消",
    ),
    "forget_timeout": (
        "Nothing was deleted (no answer).",
        "未删除任何内容（没有回应）。",
        "未刪除任何內容（沒有回應）。",
    ),
    "upload_cancelled": ("Nothing was added.", "未添加任何内容。", "未新增任何內容。"),
    "upload_timeout": (
        "Nothing was added (no answer).",
        "未添加任何内容（没有回应）。",
        "未新增任何內容（沒有回應）。",
    ),
    "remove_cancelled": ("Nothing was removed.", "未删除任何内容。", "未刪除任何內容。"),
    "remove_timeout": (
        "Nothing was removed (no answer).",
        "未删除任何内容（没有回应）。",
        "未刪除任何內容（沒有回應）。",
    ),
    "forget_cancelled": (
        "Nothing was deleted.",
        "未删除任何内容。",
        "未刪除任何內容。",
    ),
    "forget_done": (
        "Done: {n} record(s) of your use and your follows were deleted.",
        "完成：已删除你的 {n} 条使用记录和关注。",
        "完成：已刪除你的 {n} 條使用記錄和關注。",
    ),
    "err_permission": (
        "You need {missing} for this.",
        "你需要{missing}才能这样做。",
        "你需要{missing}才能這樣做。",
    ),
    "perm_manage_guild": ("Manage Server", "管理服务器", "管理伺服器"),
    "err_check": (
        "You can't use this command here.",
        "你不能在这里使用此命令。",
        "你不能在這裡使用此命令。",
    ),
    "err_cooldown": (
        "You're going a bit fast: this command is free again in {wait} s.",
        "操作有点快：此命令将在 {wait} 秒后可再次使用。",
        "操作有點快：此命令將在 {wait} 秒後可再次使用。",
    ),
    "err_discord": (
        "Discord had a problem delivering that answer. Please try again.",
        "Discord 在传送回答时出了问题，请再试一次。",
        "Discord 在傳送回答時出了問題，請再試一次。",
    ),
    "err_unexpected": (
        "Something went wrong on our side; it has been logged. Please try again later.",
        "我们这边出了点问题，已记录下来。请稍后再试。",
        "我們這邊出了點問題，已記錄下來。請稍後再試。",
    ),
    "pages_not_yours": (
        "Only the person who ran this command can turn its pages. Run the command yourself to browse.",
        "只有执行此命令的人才能翻页。请自己执行该命令来浏览。",
        "只有執行此命令的人才能翻頁。請自己執行該命令來瀏覽。",
    ),
    "confirm_not_yours": (
        "This question is for someone else.",
        "这个问题是问别人的。",
        "這個問題是問別人的。",
    ),
    "previous": (
        "◀ Previous",
        "◀ 上一页",
        "◀ 上一頁",
    ),
    "next": (
        "Next ▶",
        "下一页 ▶",
        "下一頁 ▶",
    ),
    "unknown_source": (
        "source and date unknown",
        "来源和日期不详",
        "來源和日期不詳",
    ),
    "part": (
        "Part {n}",
        "第 {n} 部分",
        "第 {n} 部分",
    ),
    "points": (
        "Points",
        "要点",
        "要點",
    ),
    "n_more": (
        "… {n} more",
        "……还有 {n} 条",
        "……還有 {n} 條",
    ),
    "summary_full_hint": (
        "Run /summary with length: full for every point",
        "使用 /summary 并选择 length: full 查看全部要点",
        "使用 /summary 並選擇 length: full 檢視全部要點",
    ),
    "list_footer": (
        "{n} article(s) · /summary for one of them",
        "{n} 篇文章 · 用 /summary 查看其中一篇",
        "{n} 篇文章 · 用 /summary 檢視其中一篇",
    ),
    "undated": (
        "undated",
        "日期不详",
        "日期不詳",
    ),
    "role_at": (
        "{org} {role}",
        "{org} {role}",
        "{org} {role}",
    ),
    "also_written": (
        "Also written: {names}",
        "其他写法：{names}",
        "其他寫法：{names}",
    ),
    "articles_newest": (
        "Articles (newest first)",
        "相关文章（最新在前）",
        "相關文章（最新在前）",
    ),
    "and_more": (
        "… and {n} more",
        "……以及另外 {n} 篇",
        "……以及另外 {n} 篇",
    ),
    "claims_made": (
        "Claims they made",
        "本人的说法",
        "本人的說法",
    ),
    "claims_about": (
        "Claims about them",
        "关于此人的说法",
        "關於此人的說法",
    ),
    "person_footer": (
        "Mentioned in {n} article(s) · /claims person:{name} for every claim",
        "在 {n} 篇文章中被提及 · 用 /claims person:{name} 查看全部说法",
        "在 {n} 篇文章中被提及 · 用 /claims person:{name} 檢視全部說法",
    ),
    "stance_asserted": (
        "asserted",
        "断言",
        "斷言",
    ),
    "stance_reported": (
        "reported",
        "据报道",
        "據報道",
    ),
    "stance_denied": (
        "denied",
        "否认",
        "否認",
    ),
    "stance_acknowledged": (
        "acknowledged",
        "承认",
        "承認",
    ),
    "people_footer": (
        "/person name:<name> for a person's card",
        "用 /person name:<姓名> 查看人物卡片",
        "用 /person name:<姓名> 檢視人物卡片",
    ),
    "n_articles": (
        "{n} article(s)",
        "{n} 篇文章",
        "{n} 篇文章",
    ),
    "no_speaker": (
        "no named speaker",
        "未指明说话人",
        "未指明說話人",
    ),
    "n_claims": (
        "{n} claim(s)",
        "{n} 条说法",
        "{n} 條說法",
    ),
    "about_text": (
        "I turn article summaries into answers: what an article says, who the people in it are, and which claims were made, denied, acknowledged or only reported.",
        "我把文章摘要变成答案：文章讲了什么、文中人物是谁，以及哪些说法是被提出、否认、承认或仅据报道的。",
        "我把文章摘要變成答案：文章講了什麼、文中人物是誰，以及哪些說法是被提出、否認、承認或僅據報道的。",
    ),
    "about_known": (
        "What I know",
        "我知道的内容",
        "我知道的內容",
    ),
    "about_counts": (
        "{articles} articles · {people} people · {organizations} organizations · {claims} claims",
        "{articles} 篇文章 · {people} 位人物 · {organizations} 个机构 · {claims} 条说法",
        "{articles} 篇文章 · {people} 位人物 · {organizations} 個機構 · {claims} 條說法",
    ),
    "about_commands": (
        "Commands",
        "命令",
        "命令",
    ),
    "about_managers": (
        "Server managers: {commands}",
        "服务器管理员：{commands}",
        "伺服器管理員：{commands}",
    ),
    "about_running": (
        "Running",
        "运行状态",
        "運行狀態",
    ),
    "about_shard": (
        "Shard {shard} of {count} answers this server",
        "本服务器由第 {shard} 个分片（共 {count} 个）应答",
        "本伺服器由第 {shard} 個分片（共 {count} 個）應答",
    ),
    "about_feeds_ok": (
        "{n} feed(s), all answering",
        "{n} 个订阅源，全部正常",
        "{n} 個訂閱源，全部正常",
    ),
    "about_feed_failing": (
        "⚠ {url}: {error} ({failures} failure(s) in a row; next try in {wait} min)",
        "⚠ {url}：{error}（连续失败 {failures} 次；{wait} 分钟后重试）",
        "⚠ {url}：{error}（連續失敗 {failures} 次；{wait} 分鐘後重試）",
    ),
    "follow_unknown": (
        "I know no person or organization called **{shown}** yet. Pick one from the list as you type, or check /people.",
        "我还不知道名为 **{shown}** 的人物或机构。请在输入时从列表中选择，或查看 /people。",
        "我還不知道名為 **{shown}** 的人物或機構。請在輸入時從清單中選擇，或查看 /people。",
    ),
    "follow_unknown_dym": (
        "I know no person or organization called **{shown}**. Did you mean {names}?",
        "我不知道名为 **{shown}** 的人物或机构。你是不是要找 {names}？",
        "我不知道名為 **{shown}** 的人物或機構。你是不是要找 {names}？",
    ),
    "organization": (
        "organization",
        "机构",
        "機構",
    ),
    "kind_person": (
        "person",
        "人物",
        "人物",
    ),
    "kind_organization": (
        "organization",
        "机构",
        "機構",
    ),
    "follow_done": (
        "Following **{name}**. When a new article mentions them, the alert goes to {where}. /unfollow stops it.",
        "已关注 **{name}**。有新文章提到时，提醒将发送到{where}。使用 /unfollow 取消。",
        "已關注 **{name}**。有新文章提到時，提醒將傳送到{where}。使用 /unfollow 取消。",
    ),
    "follow_pending": (
        "No article mentions **{name}** yet; following the name anyway. When one does, the alert goes to {where}. /unfollow stops it.",
        "还没有文章提到 **{name}**；仍按名称关注。一旦有文章提到，提醒将发送到{where}。使用 /unfollow 取消。",
        "還沒有文章提到 **{name}**；仍按名稱關注。一旦有文章提到，提醒將傳送到{where}。使用 /unfollow 取消。",
    ),
    "kind_name": (
        "name",
        "名称",
        "名稱",
    ),
    "follow_moved": (
        "You already follow **{name}**; alerts now go to {where}.",
        "你已关注 **{name}**；提醒现在发送到{where}。",
        "你已關注 **{name}**；提醒現在傳送到{where}。",
    ),
    "follow_where_dm": (
        "you by direct message (allow direct messages from this server's members, or no alert can reach you)",
        "你的私信（请允许本服务器成员给你发私信，否则提醒无法送达）",
        "你的私訊（請允許本伺服器成員傳私訊給你，否則提醒無法送達）",
    ),
    "follow_where_channel": (
        "{channel}",
        "{channel}",
        "{channel}",
    ),
    "follow_limit": (
        "You already follow {n} people and organizations here, the most allowed. /unfollow one first.",
        "你在这里已关注 {n} 个人物和机构，已达上限。请先使用 /unfollow 取消一个。",
        "你在這裡已關注 {n} 個人物和機構，已達上限。請先使用 /unfollow 取消一個。",
    ),
    "follow_channel_you": (
        "You cannot send messages in {channel}; choose a channel you can post in, or leave it empty for direct messages.",
        "你不能在 {channel} 发消息；请选择你能发言的频道，或留空以接收私信。",
        "你不能在 {channel} 傳訊息；請選擇你能發言的頻道，或留空以接收私訊。",
    ),
    "follow_in_server": (
        "Follow from a server: alerts belong to the server you follow in.",
        "请在服务器中关注：提醒属于你关注时所在的服务器。",
        "請在伺服器中關注：提醒屬於你關注時所在的伺服器。",
    ),
    "unfollow_done": (
        "You no longer follow **{name}**.",
        "你已取消关注 **{name}**。",
        "你已取消關注 **{name}**。",
    ),
    "unfollow_none": (
        "You do not follow **{shown}** here. /following lists what you follow.",
        "你在这里没有关注 **{shown}**。/following 会列出你关注的内容。",
        "你在這裡沒有關注 **{shown}**。/following 會列出你關注的內容。",
    ),
    "following_none": (
        "You follow nobody here yet. Try /follow and start typing a name.",
        "你在这里还没有关注任何人。试试 /follow 并输入名字。",
        "你在這裡還沒有關注任何人。試試 /follow 並輸入名字。",
    ),
    "following_title": (
        "What you follow here ({n})",
        "你在这里的关注（{n}）",
        "你在這裡的關注（{n}）",
    ),
    "following_line": (
        "**{name}** ({kind}) → {where} · since {since}",
        "**{name}**（{kind}）→ {where} · 自 {since}",
        "**{name}**（{kind}）→ {where} · 自 {since}",
    ),
    "following_dm": (
        "direct message",
        "私信",
        "私訊",
    ),
    "alert_channel": (
        "🔔 A new article mentions {names} · {users}",
        "🔔 新文章提到了 {names} · {users}",
        "🔔 新文章提到了 {names} · {users}",
    ),
    "alert_dm": (
        "🔔 A new article mentions {names}, whom you follow in {server}.",
        "🔔 新文章提到了你在 {server} 关注的 {names}。",
        "🔔 新文章提到了你在 {server} 關注的 {names}。",
    ),
    "alert_no_claims": (
        "Named in the article; no claim by or about them.",
        "文章中提到，但没有其发表或关于其的说法。",
        "文章中提到，但沒有其發表或關於其的說法。",
    ),
    "digest_header": (
        "📰 **Daily digest** · {day} · {count} new article(s)",
        "📰 **每日简报** · {day} · {count} 篇新文章",
        "📰 **每日簡報** · {day} · {count} 篇新文章",
    ),
    "digest_quiet": (
        "📰 **Daily digest** · {day}: nothing new since the last digest.",
        "📰 **每日简报** · {day}：自上次简报以来没有新内容。",
        "📰 **每日簡報** · {day}：自上次簡報以來沒有新內容。",
    ),
    "digest_more": (
        "+{n} more — `/articles list` shows them all",
        "另有 {n} 篇 —— `/articles list` 可查看全部",
        "另有 {n} 篇 —— `/articles list` 可檢視全部",
    ),
    "digest_people": (
        "**People:** {names}",
        "**人物：** {names}",
        "**人物：** {names}",
    ),
    "more_plain": (
        "More: /summary article:{title}",
        "更多：/summary article:{title}",
        "更多：/summary article:{title}",
    ),
    "digest_more_link": (
        "More: `/summary article:{title}`",
        "更多：`/summary article:{title}`",
        "更多：`/summary article:{title}`",
    ),
    "sched_title": (
        "Digest scheduled",
        "每日简报已安排",
        "每日簡報已安排",
    ),
    "sched_channel": (
        "Channel",
        "频道",
        "頻道",
    ),
    "sched_time": (
        "Time",
        "时间",
        "時間",
    ),
    "sched_articles": (
        "Articles",
        "文章数",
        "文章數",
    ),
    "sched_up_to": (
        "up to {n}",
        "最多 {n} 篇",
        "最多 {n} 篇",
    ),
    "sched_quiet": (
        "Quiet days",
        "无新内容时",
        "無新內容時",
    ),
    "sched_quiet_skip": (
        "post nothing",
        "不发布",
        "不發布",
    ),
    "sched_quiet_notice": (
        "post a one-line notice",
        "发布一行通知",
        "發布一行通知",
    ),
    "sched_language": (
        "Language",
        "语言",
        "語言",
    ),
    "sched_next": (
        "Next run",
        "下次发布",
        "下次發布",
    ),
    "sched_none": (
        "not scheduled",
        "未安排",
        "未安排",
    ),
    "status_title": (
        "Digest: {state}",
        "每日简报：{state}",
        "每日簡報：{state}",
    ),
    "status_on": (
        "on",
        "开启",
        "開啟",
    ),
    "status_off": (
        "off",
        "关闭",
        "關閉",
    ),
    "status_paused": (
        "paused after {n} failed posts in a row: fix the channel, then run /digest set again",
        "连续 {n} 次发布失败后已暂停：请修复频道，然后重新执行 /digest set",
        "連續 {n} 次發布失敗後已暫停：請修復頻道，然後重新執行 /digest set",
    ),
    "status_last": (
        "Last post",
        "上次发布",
        "上次發布",
    ),
    "status_last_value": (
        "{when} UTC · {n} article(s) {link}",
        "{when} UTC · {n} 篇文章 {link}",
        "{when} UTC · {n} 篇文章 {link}",
    ),
    "status_none": (
        "none yet",
        "尚无",
        "尚無",
    ),
    "status_failures": (
        "Recent failures",
        "最近的失败",
        "最近的失敗",
    ),
    "stats_title": (
        "Usage · {scope} · last {days} day(s)",
        "使用情况 · {scope} · 最近 {days} 天",
        "使用情況 · {scope} · 最近 {days} 天",
    ),
    "stats_summary": (
        "**{total}** command(s): {ok} answered, {user_error} not found, {denied} denied, {error} errors ({rate} error rate)",
        "**{total}** 次命令：{ok} 次已回答，{user_error} 次未找到，{denied} 次被拒绝，{error} 次出错（错误率 {rate}）",
        "**{total}** 次命令：{ok} 次已回答，{user_error} 次未找到，{denied} 次被拒絕，{error} 次出錯（錯誤率 {rate}）",
    ),
    "stats_top_commands": (
        "Top commands",
        "最常用命令",
        "最常用命令",
    ),
    "stats_people": (
        "People looked up",
        "查询的人物",
        "查詢的人物",
    ),
    "stats_articles": (
        "Articles summarized",
        "查看摘要的文章",
        "檢視摘要的文章",
    ),
    "stats_latency": (
        "Time to answer",
        "回答用时",
        "回答用時",
    ),
    "stats_autocomplete": (
        "Autocomplete requests",
        "自动补全请求",
        "自動補全請求",
    ),
    "stats_dropped": (
        "Not recorded",
        "未记录",
        "未記錄",
    ),
    "stats_dropped_value": (
        "{n} event(s) not recorded (the database was away, or refused a value)",
        "{n} 条记录未保存（数据库不可用，或拒绝了某个值）",
        "{n} 條記錄未儲存（資料庫不可用，或拒絕了某個值）",
    ),
    "stats_you": (
        "you",
        "你",
        "你",
    ),
    "chart_title": (
        "Commands per day ({label})",
        "每日命令数（{label}）",
        "每日命令數（{label}）",
    ),
    "privacy_title": (
        "Privacy",
        "隐私",
        "隱私",
    ),
    "privacy_text": (
        "**What Newsdesk stores about you**\nFor every slash command you run: the time, the server and channel, your user id, the command and the options you typed (each cut to 100 characters), how long the answer took, and whether it worked. Autocomplete is only counted per command per minute, without your id. For each `/follow`: your id, the server, the person or organization, the channel (if any) and which articles you were alerted about. An alert posted in a channel mentions every follower by design. For each feed a manager adds with `/feed add`: their id, so a feed that keeps failing can be reported to them.\n\n**Why**: server managers see what their members look up (`/stats`), and we see errors and speed.\n\n**How long**: {days} days, then the records are deleted automatically.\n\n**Your control**: `/stats scope: me` shows your own use; `/privacy forget-me` deletes every record of your use and all your follows now (and un-names the feeds you added). Articles, people and claims come from the news, not from you; an article a manager uploads belongs to that server only. When the bot leaves a server, that server's data is deleted after {forget_days} days.",
        "**Newsdesk 会保存关于你的哪些信息**\n你每执行一次斜杠命令：时间、服务器和频道、你的用户 ID、命令以及你输入的选项（每项最多 100 个字符）、回答所用时间，以及是否成功。自动补全只按命令按分钟计数，不记录你的 ID。每次 `/follow`：你的 ID、服务器、关注的人物或机构、频道（如有）以及已提醒过你的文章。在频道中发布的提醒会按设计提及每位关注者。管理员用 `/feed add` 添加的每个订阅源：其 ID，以便订阅源持续失败时通知本人。\n\n**原因**：服务器管理员可以看到成员在查什么（`/stats`），我们也能看到错误和速度。\n\n**保存多久**：{days} 天，之后自动删除。\n\n**你的控制权**：`/stats scope: me` 显示你自己的使用情况；`/privacy forget-me` 立即删除你的全部使用记录和关注。文章、人物和说法来自新闻，而不是来自你；管理员上传的文章只属于该服务器。机器人离开服务器后，该服务器的数据会在 {forget_days} 天后删除。",
        "**Newsdesk 會儲存關於你的哪些資訊**\n你每執行一次斜槓命令：時間、伺服器和頻道、你的使用者 ID、命令以及你輸入的選項（每項最多 100 個字元）、回答所用時間，以及是否成功。自動補全只按命令按分鐘計數，不記錄你的 ID。每次 `/follow`：你的 ID、伺服器、關注的人物或機構、頻道（如有）以及已提醒過你的文章。在頻道中發布的提醒會按設計提及每位關注者。管理員用 `/feed add` 新增的每個訂閱源：其 ID，以便訂閱源持續失敗時通知本人。\n\n**原因**：伺服器管理員可以看到成員在查什麼（`/stats`），我們也能看到錯誤和速度。\n\n**儲存多久**：{days} 天，之後自動刪除。\n\n**你的控制權**：`/stats scope: me` 顯示你自己的使用情況；`/privacy forget-me` 立即刪除你的全部使用記錄和關注。文章、人物和說法來自新聞，而不是來自你；管理員上傳的文章只屬於該伺服器。機器人離開伺服器後，該伺服器的資料會在 {forget_days} 天後刪除。",
    ),
    "time_bad": (
        "“{text}” is not a time of day: use 24-hour HH:MM, for example 08:30 or 18:05",
        "“{text}”不是有效的时间：请使用 24 小时制 HH:MM，例如 08:30 或 18:05",
        "“{text}”不是有效的時間：請使用 24 小時制 HH:MM，例如 08:30 或 18:05",
    ),
    "zone_missing": (
        "a time zone is needed, for example Europe/Berlin, Asia/Shanghai or UTC",
        "需要时区，例如 Europe/Berlin、Asia/Shanghai 或 UTC",
        "需要時區，例如 Europe/Berlin、Asia/Shanghai 或 UTC",
    ),
    "zone_bad": (
        "“{name}” is not an IANA time zone: give a full Area/City name from the list, for example {examples}",
        "“{name}”不是 IANA 时区：请从列表中选择完整的“地区/城市”名称，例如 {examples}",
        "“{name}”不是 IANA 時區：請從列表中選擇完整的「地區/城市」名稱，例如 {examples}",
    ),
    "channel_gone": (
        "That channel no longer exists. Pick another with /digest set.",
        "该频道已不存在。请用 /digest set 选择其他频道。",
        "該頻道已不存在。請用 /digest set 選擇其他頻道。",
    ),
    "channel_not_text": (
        "#{name} is not a text channel. Pick a text channel.",
        "#{name} 不是文字频道。请选择文字频道。",
        "#{name} 不是文字頻道。請選擇文字頻道。",
    ),
    "channel_missing_perms": (
        "I can't post in #{name}: I need {missing} there.",
        "我无法在 #{name} 发言：我需要那里的{missing}。",
        "我無法在 #{name} 發言：我需要那裡的{missing}。",
    ),
    "perm_view_channel": ("View Channels", "查看频道", "檢視頻道"),
    "perm_send_messages": ("Send Messages", "发送消息", "傳送訊息"),
    "perm_embed_links": ("Embed Links", "嵌入链接", "嵌入連結"),
    "perm_attach_files": ("Attach Files", "附加文件", "附加檔案"),
    "setup_title": ("Newsdesk setup: {server}", "Newsdesk 设置：{server}", "Newsdesk 設定：{server}"),
    "setup_digest": ("Daily digest", "每日简报", "每日簡報"),
    "setup_digest_none": (
        "❌ Not scheduled: nothing is posted here on its own.",
        "❌ 尚未安排：不会自动在这里发布任何内容。",
        "❌ 尚未安排：不會自動在這裡發佈任何內容。",
    ),
    "setup_digest_on": (
        "✅ Posts in {channel} every day at {time}; next: {next}",
        "✅ 每天 {time} 在 {channel} 发布；下一次：{next}",
        "✅ 每天 {time} 在 {channel} 發佈；下一次：{next}",
    ),
    "setup_digest_off": (
        "⚠️ Turned off (it posted in {channel}).",
        "⚠️ 已关闭（原在 {channel} 发布）。",
        "⚠️ 已關閉（原在 {channel} 發佈）。",
    ),
    "setup_digest_problem": (
        "⚠️ Set for {channel}, but I can't post there:",
        "⚠️ 已设为 {channel}，但我无法在那里发布：",
        "⚠️ 已設為 {channel}，但我無法在那裡發佈：",
    ),
    "setup_perms": ("My permissions", "我的权限", "我的權限"),
    "setup_in_digest": ("Digest channel:", "简报频道：", "簡報頻道："),
    "setup_in_here": ("This channel:", "本频道：", "本頻道："),
    "setup_perms_ok": (
        "✅ {channel}: everything I need.",
        "✅ {channel}：所需权限齐全。",
        "✅ {channel}：所需權限齊全。",
    ),
    "setup_perms_missing": (
        "❌ {channel}: I need {missing}.",
        "❌ {channel}：我需要{missing}。",
        "❌ {channel}：我需要{missing}。",
    ),
    "setup_perms_unknown": (
        "⚠️ {channel}: I can't see this channel.",
        "⚠️ {channel}：我看不到这个频道。",
        "⚠️ {channel}：我看不到這個頻道。",
    ),
    "setup_follows": ("Follows", "关注", "追蹤"),
    "setup_follows_value": (
        "✅ {n} follow(s) by {members} member(s).",
        "✅ {members} 位成员共 {n} 项关注。",
        "✅ {members} 位成員共 {n} 項追蹤。",
    ),
    "setup_follows_none": (
        "No one here follows a person or organization yet (/follow).",
        "这里还没有人关注人物或组织（/follow）。",
        "這裡還沒有人追蹤人物或組織（/follow）。",
    ),
    "setup_articles": ("This server's articles", "本服务器的文章", "本伺服器的文章"),
    "setup_articles_value": (
        "✅ {n} article(s) of your own; {readable} article(s) readable here in all.",
        "✅ 本服务器自己的文章 {n} 篇；这里共可阅读 {readable} 篇。",
        "✅ 本伺服器自己的文章 {n} 篇；這裡共可閱讀 {readable} 篇。",
    ),
    "setup_articles_none": (
        "None of your own yet; {readable} shared article(s) are readable here.",
        "还没有本服务器自己的文章；这里可阅读 {readable} 篇共享文章。",
        "還沒有本伺服器自己的文章；這裡可閱讀 {readable} 篇共享文章。",
    ),
    "setup_feeds": ("This server's feeds", "本服务器的订阅源", "本伺服器的訂閱源"),
    "setup_feeds_value": (
        "✅ {n} feed(s); {posting} post each new article in a channel.",
        "✅ {n} 个订阅源；其中 {posting} 个在频道中发布每篇新文章。",
        "✅ {n} 個訂閱源；其中 {posting} 個在頻道中發佈每篇新文章。",
    ),
    "setup_feeds_failing": (
        "⚠️ {url} is failing: {error}",
        "⚠️ {url} 获取失败：{error}",
        "⚠️ {url} 取得失敗：{error}",
    ),
    "setup_feeds_none": (
        "None yet: only the operator's articles and your uploads are read here.",
        "还没有：这里只读取运营者的文章和本服务器上传的文章。",
        "還沒有：這裡只讀取營運者的文章和本伺服器上傳的文章。",
    ),
    "setup_in_feed": ("Feed channel:", "订阅源频道：", "訂閱源頻道："),
    "setup_filters": ("Filters", "过滤规则", "過濾規則"),
    "setup_filters_value": (
        "✅ {n} rule(s): {where}.",
        "✅ {n} 条规则：{where}。",
        "✅ {n} 條規則：{where}。",
    ),
    "setup_filters_none": (
        "None: feed posts, the digest and alerts let every article through.",
        "没有：订阅源发布、简报和提醒会放行所有文章。",
        "沒有：訂閱源發佈、簡報和提醒會放行所有文章。",
    ),
    "setup_stories": ("Story threads", "报道串讨论", "報導串討論"),
    "setup_stories_on": (
        "✅ Each new story becomes a thread in {channel}.",
        "✅ 每个新报道串都会在 {channel} 建立讨论串。",
        "✅ 每個新報導串都會在 {channel} 建立討論串。",
    ),
    "setup_stories_problem": (
        "⚠️ Set for {channel}, but: {problem}",
        "⚠️ 已设为 {channel}，但是：{problem}",
        "⚠️ 已設為 {channel}，但是：{problem}",
    ),
    "setup_stories_none": (
        "Off: reports of one event are not gathered in a thread.",
        "未开启：同一事件的报道不会汇集到讨论串中。",
        "未開啟：同一事件的報導不會匯集到討論串中。",
    ),
    "setup_next_feed": (
        "`/feed test url:` then `/feed add url: channel:#news` to read (and post) a feed of your own",
        "先 `/feed test url:` 再 `/feed add url: channel:#news`：读取（并发布）本服务器自己的订阅源",
        "先 `/feed test url:` 再 `/feed add url: channel:#news`：讀取（並發佈）本伺服器自己的訂閱源",
    ),
    "setup_next_filter": (
        "`/filter add rule:-word:rumour` to keep out what your members don't want posted",
        "`/filter add rule:-word:传闻`：过滤掉成员不想看到的内容",
        "`/filter add rule:-word:傳聞`：過濾掉成員不想看到的內容",
    ),
    "setup_next_stories": (
        "`/story-channel set channel:#news` to gather reports of one event in a thread",
        "`/story-channel set channel:#news`：把同一事件的报道汇集到一个讨论串",
        "`/story-channel set channel:#news`：把同一事件的報導匯集到一個討論串",
    ),
    "setup_next": ("What to run next", "接下来可以运行", "接下來可以執行"),
    "setup_next_digest": (
        "`/digest set channel:#news time:08:30` for a daily post of what is new",
        "`/digest set channel:#news time:08:30`：每天发布新内容",
        "`/digest set channel:#news time:08:30`：每天發佈新內容",
    ),
    "setup_next_perms": (
        "Give me View Channels, Send Messages, Embed Links and Attach Files in {channel} (Edit Channel → Permissions)",
        "在 {channel} 给我查看频道、发送消息、嵌入链接和附加文件权限（编辑频道 → 权限）",
        "在 {channel} 給我檢視頻道、傳送訊息、嵌入連結和附加檔案權限（編輯頻道 → 權限）",
    ),
    "setup_next_article": (
        "`/article add` to add an article of your own (.txt, .md or .json)",
        "`/article add`：添加本服务器自己的文章（.txt、.md 或 .json 文件）",
        "`/article add`：新增本伺服器自己的文章（.txt、.md 或 .json 檔案）",
    ),
    "setup_next_help": (
        "`/help` for every command with examples",
        "`/help`：查看所有命令及示例",
        "`/help`：查看所有指令及範例",
    ),
    "perm_one": ("the {name} permission", "“{name}”权限", "「{name}」權限"),
    "perm_many": (
        "the {names} and {last} permissions",
        "“{names}”和“{last}”权限",
        "「{names}」和「{last}」權限",
    ),
    "not_in_server": (
        "I am no longer in that server.",
        "我已不在那个服务器中。",
        "我已不在那個伺服器中。",
    ),
    "discord_refused": (
        "Discord refused the post ({status}: {text})",
        "Discord 拒绝了这次发布（{status}：{text}）",
        "Discord 拒絕了這次發布（{status}：{text}）",
    ),
    "sched_edited": ("Digest changed", "每日简报已修改", "每日簡報已修改"),
    "digest_edit_none": (
        "No digest is set here yet: run `/digest set` with a channel and a time first.",
        "这里还没有设置每日简报：请先用 `/digest set` 指定频道和时间。",
        "這裡還沒有設定每日簡報：請先用 `/digest set` 指定頻道和時間。",
    ),
    "several_articles": (
        "Several articles match “{shown}”: pick one.",
        "有多篇文章与“{shown}”匹配：请选择一篇。",
        "有多篇文章與“{shown}”匹配：請選擇一篇。",
    ),
    "person_is_org": (
        "**{shown}** is an organization, not a person. `/org` shows its card.",
        "**{shown}** 是机构，不是人物。`/org` 可查看它的卡片。",
        "**{shown}** 是機構，不是人物。`/org` 可檢視它的卡片。",
    ),
    "pick_gone": (
        "That is no longer in the articles here.",
        "这里的文章中已没有该内容。",
        "這裡的文章中已沒有該內容。",
    ),
    "see_org": ("/org {name}", "/org {name}", "/org {name}"),
    "no_org": (
        "No organization called “{shown}” appears in the articles.",
        "文章中没有名为“{shown}”的机构。",
        "文章中沒有名為“{shown}”的機構。",
    ),
    "no_org_dym": (
        "No organization called “{shown}” appears in the articles. Did you mean: {names}?",
        "文章中没有名为“{shown}”的机构。你是不是要找：{names}？",
        "文章中沒有名為“{shown}”的機構。你是不是要找：{names}？",
    ),
    "org_mentioned": (
        "Mentioned in {n} article(s)",
        "在 {n} 篇文章中被提及",
        "在 {n} 篇文章中被提及",
    ),
    "org_people": ("People", "人物", "人物"),
    "org_claims": ("Recent claims", "最近的说法", "最近的說法"),
    "org_moves": ("Leadership moves", "人事变动", "人事變動"),
    "org_footer": (
        "/claims for more · /follow target:{name} for alerts",
        "用 /claims 查看更多 · 用 /follow target:{name} 接收提醒",
        "用 /claims 檢視更多 · 用 /follow target:{name} 接收提醒",
    ),
    "help_title": ("Newsdesk commands", "Newsdesk 命令", "Newsdesk 命令"),
    "help_intro": (
        "Type `/` and a command's name. `/help command:<name>` explains one command and its options.",
        "输入 `/` 和命令名称即可使用。`/help command:<名称>` 会详细说明一个命令及其选项。",
        "輸入 `/` 和命令名稱即可使用。`/help command:<名稱>` 會詳細說明一個命令及其選項。",
    ),
    "help_everyone": ("For everyone", "所有成员可用", "所有成員可用"),
    "help_managers": (
        "For server managers (Manage Server)",
        "服务器管理员可用（管理服务器）",
        "伺服器管理員可用（管理伺服器）",
    ),
    "help_options": ("Options", "选项", "選項"),
    "help_examples": ("Examples", "示例", "範例"),
    "help_required": ("required", "必填", "必填"),
    "help_optional": ("optional", "可选", "選填"),
    "help_no_options": ("No options.", "没有选项。", "沒有選項。"),
    "help_manager_only": (
        "Server managers only (Manage Server).",
        "仅限服务器管理员（管理服务器）。",
        "僅限伺服器管理員（管理伺服器）。",
    ),
    "help_server_only": ("Only in a server.", "只能在服务器中使用。", "只能在伺服器中使用。"),
    "help_unknown": (
        "There is no command called “{shown}”. `/help` lists every command.",
        "没有名为“{shown}”的命令。`/help` 会列出全部命令。",
        "沒有名為“{shown}”的命令。`/help` 會列出全部命令。",
    ),
    "help_footer": (
        "{n} commands · /about for what the bot knows",
        "{n} 个命令 · /about 查看机器人知道什么",
        "{n} 個命令 · /about 檢視機器人知道什麼",
    ),
    "now_at": ("Now: {role} at {org}", "现任：{org}{role}", "現任：{org}{role}"),
    "now_in": ("Now: at {org}", "现任职于{org}", "現任職於{org}"),
    "now_since": (" (since {date})", "（{date} 起）", "（{date} 起）"),
    "now_left": ("Left {org} ({date})", "已离开{org}（{date}）", "已離開{org}（{date}）"),
    "moves_latest": ("Latest moves", "最近动向", "最近動向"),
    "move_joined": ("joined {org}", "加入{org}", "加入{org}"),
    "move_left": ("left {org}", "离开{org}", "離開{org}"),
    "move_appointed": ("appointed at {org}", "获{org}任命", "獲{org}任命"),
    "move_fired": ("fired from {org}", "被{org}解职", "被{org}解職"),
    "move_returned": ("returned to {org}", "回到{org}", "回到{org}"),
    "move_joined_bare": ("joined", "加入", "加入"),
    "move_left_bare": ("left", "离职", "離職"),
    "move_appointed_bare": ("appointed", "获任命", "獲任命"),
    "move_fired_bare": ("fired", "被解职", "被解職"),
    "move_returned_bare": ("returned", "回归", "回歸"),
    # ------------------------------------------------------------------ stories
    "story_first": ("First report", "最早报道", "最早報導"),
    "story_latest": ("Latest report", "最新报道", "最新報導"),
    "story_sources": ("Sources", "来源", "來源"),
    "story_people": ("People", "人物", "人物"),
    "story_contested": ("⚔️ contested", "⚔️ 有争议", "⚔️ 有爭議"),
    "story_footer": (
        "{n} article(s) · /stories for more",
        "{n} 篇文章 · 更多请用 /stories",
        "{n} 篇文章 · 更多請用 /stories",
    ),
    "story_claims_none": (
        "No claim is carried by two articles yet.",
        "还没有被两篇文章同时提到的说法。",
        "還沒有被兩篇文章同時提到的說法。",
    ),
    "story_claims": ("Who said what", "谁说了什么", "誰說了什麼"),
    "story_none": (
        "No story matches {shown}. Pick an article or a person from the list as you type, or try /stories.",
        "没有与 {shown} 相符的报道。请在输入时从列表中选择文章或人物，或试试 /stories。",
        "沒有與 {shown} 相符的報導。請在輸入時從列表中選擇文章或人物，或試試 /stories。",
    ),
    "story_empty": (
        "There are no stories yet: add articles first (/article add), then try again.",
        "还没有报道：请先添加文章（/article add），然后再试。",
        "還沒有報導：請先新增文章（/article add），然後再試。",
    ),
    "stories_title": ("Stories of the last {days} day(s)", "最近 {days} 天的报道", "最近 {days} 天的報導"),
    "stories_title_contested": (
        "Contested stories of the last {days} day(s)",
        "最近 {days} 天有争议的报道",
        "最近 {days} 天有爭議的報導",
    ),
    "no_source": ("(no source)", "（无来源）", "（無來源）"),
    "stories_line_no_source": (
        "{n} article(s) · {date}",
        "{n} 篇文章 · {date}",
        "{n} 篇文章 · {date}",
    ),
    "stories_none": (
        "No stories in the last {days} day(s). Try a longer span (days:{more}).",
        "最近 {days} 天没有报道。试试更长的时间（days:{more}）。",
        "最近 {days} 天沒有報導。試試更長的時間（days:{more}）。",
    ),
    "stories_none_contested": (
        "No contested stories in the last {days} day(s). Try a longer span (days:{more}), or leave out contested.",
        "最近 {days} 天没有有争议的报道。试试更长的时间（days:{more}），或去掉 contested。",
        "最近 {days} 天沒有有爭議的報導。試試更長的時間（days:{more}），或去掉 contested。",
    ),
    "stories_none_ever": (
        "No stories in the last {days} day(s): none of the articles here is that recent (/articles list).",
        "最近 {days} 天没有报道：这里没有这么新的文章（/articles list）。",
        "最近 {days} 天沒有報導：這裡沒有這麼新的文章（/articles list）。",
    ),
    "stories_none_ever_contested": (
        "No contested stories in the last {days} day(s). Leave out contested to see every story.",
        "最近 {days} 天没有有争议的报道。去掉 contested 可查看所有报道。",
        "最近 {days} 天沒有有爭議的報導。去掉 contested 可查看所有報導。",
    ),
    "stories_line": (
        "{n} article(s) · {sources} · {date}",
        "{n} 篇文章 · {sources} · {date}",
        "{n} 篇文章 · {sources} · {date}",
    ),
    "stories_footer": (
        "/story article:<title> shows one",
        "/story article:<标题> 查看一篇",
        "/story article:<標題> 查看一篇",
    ),
    "story_channel_set": (
        "Each new story now becomes a thread in {channel}, and each later article of it one line in that thread.",
        "现在每个新报道都会在 {channel} 中开一个子区，之后的每篇相关文章在其中发一行。",
        "現在每個新報導都會在 {channel} 中開一個討論串，之後的每篇相關文章在其中發一行。",
    ),
    "story_channel_set_forum": (
        "Each new story now becomes a post in the forum {channel}, and each later article of it one line in that post.",
        "现在每个新报道都会在论坛 {channel} 中发一个帖子，之后的每篇相关文章在其中发一行。",
        "現在每個新報導都會在論壇 {channel} 中發一個貼文，之後的每篇相關文章在其中發一行。",
    ),
    "story_channel_missing": (
        "I can't post stories in {channel}: I need {missing} there. Give me those permissions in the channel's settings, or pick another channel.",
        "我无法在 {channel} 发布报道：我需要那里的{missing}权限。请在频道设置中授予，或换一个频道。",
        "我無法在 {channel} 發布報導：我需要那裡的{missing}權限。請在頻道設定中授予，或換一個頻道。",
    ),
    "story_channel_kind": (
        "{channel} is neither a text channel nor a forum: pick one of those.",
        "{channel} 既不是文字频道也不是论坛：请选择其中一种。",
        "{channel} 既不是文字頻道也不是論壇：請選擇其中一種。",
    ),
    "story_channel_off": (
        "Stories are no longer posted in a channel here.",
        "本服务器不再在频道中发布报道。",
        "本伺服器不再在頻道中發布報導。",
    ),
    "story_channel_was_off": (
        "No story channel was set here. Set one with /story-channel set.",
        "这里没有设置报道频道。用 /story-channel set 设置。",
        "這裡沒有設定報導頻道。用 /story-channel set 設定。",
    ),
    "story_thread_start": (
        "📰 New story: {title}",
        "📰 新报道：{title}",
        "📰 新報導：{title}",
    ),
    "story_news": ("New in this story", "这个报道的新内容", "這個報導的新內容"),
    "move_as": (" as {role}", "，任{role}", "，任{role}"),
    "move_article_date": (" (article date)", "（文章日期）", "（文章日期）"),
    "move_announced": (" (announced)", "（已宣布）", "（已宣布）"),
    # --- issue 18: timelines, /moves, the digest's people moves, move alerts
    "timeline_title": ("Timeline: {name}", "时间线：{name}", "時間線：{name}"),
    "timeline_intro": (
        "Moves (🔀) and claims by this person, oldest first. “(article date)”: the text gives no date, so the "
        "article's is shown.",
        "此人的动向（🔀）和说法，按时间从早到晚。“（文章日期）”：正文没有给出日期，显示的是文章的日期。",
        "此人的動向（🔀）和說法，按時間從早到晚。“（文章日期）”：正文沒有給出日期，顯示的是文章的日期。",
    ),
    "timeline_footer": (
        "/person name:{name} for the card",
        "/person name:{name} 查看人物卡片",
        "/person name:{name} 檢視人物卡片",
    ),
    "timeline_upcoming": (" — still to come", "——尚未发生", "——尚未發生"),
    "timeline_empty": (
        "No moves or claims by **{name}** in the articles here yet. `/person name:{name}` shows their card.",
        "这里的文章中还没有 **{name}** 的动向或说法。`/person name:{name}` 可查看人物卡片。",
        "這裡的文章中還沒有 **{name}** 的動向或說法。`/person name:{name}` 可檢視人物卡片。",
    ),
    "moves_title": (
        "Leadership moves, last {days} days",
        "最近 {days} 天的高管变动",
        "最近 {days} 天的高管變動",
    ),
    "moves_title_at": (
        "Leadership moves at {org}, last {days} days",
        "{org}最近 {days} 天的高管变动",
        "{org}最近 {days} 天的高管變動",
    ),
    "moves_footer": (
        "{n} move(s), newest first · /person name:… show:timeline for one person",
        "共 {n} 条，最新在前 · /person name:… show:timeline 查看某人的时间线",
        "共 {n} 條，最新在前 · /person name:… show:timeline 檢視某人的時間線",
    ),
    "moves_none": (
        "No leadership moves in the last {days} days{which}. Try a longer `days:` (up to 3650), another "
        "organization from the list, or leave out `kind:`.",
        "最近 {days} 天没有高管变动{which}。可以把 `days:` 调大（最多 3650）、从列表中换一个机构，或去掉 `kind:`。",
        "最近 {days} 天沒有高管變動{which}。可以把 `days:` 調大（最多 3650）、從清單中換一個機構，或去掉 `kind:`。",
    ),
    "moves_none_at": (" at {org}", "（{org}）", "（{org}）"),
    "moves_none_kind": (" of the kind “{kind}”", "（类型：{kind}）", "（類型：{kind}）"),
    "digest_people_moves": ("People moves", "人事变动", "人事變動"),
    "switch_on": ("On", "开启", "開啟"),
    "switch_off": ("Off", "关闭", "關閉"),
    "digest_moves_on": (
        "The daily digest now has a “People moves” section (the leadership moves in its new articles).",
        "每日简报现在包含“人事变动”部分（新文章中的高管变动）。",
        "每日簡報現在包含「人事變動」部分（新文章中的高管變動）。",
    ),
    "digest_moves_off": (
        "The daily digest no longer has a “People moves” section.",
        "每日简报不再包含“人事变动”部分。",
        "每日簡報不再包含「人事變動」部分。",
    ),
}

# Examples for /help, by command (typed as they are in an English client; option values are examples).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "summary": ("/summary article:Intel turns to Lip-Bu Tan", "/summary article:Intel length:full"),
    "articles list": ("/articles list",),
    "articles search": ("/articles search query:tariff",),
    "person": ("/person name:Jensen Huang", "/person name:黄仁勋", "/person name:Jensen Huang show:timeline"),
    "moves": ("/moves", "/moves organization:Intel days:90", "/moves kind:left"),
    "people": ("/people", "/people article:Intel"),
    "claims": (
        "/claims stance:denied",
        "/claims person:Jensen Huang about:China",
        "/claims contested:true",
    ),
    "org": ("/org name:Nvidia",),
    "about": ("/about",),
    "ping": ("/ping",),
    "setup": ("/setup",),
    "help": ("/help", "/help command:digest set"),
    "follow": ("/follow target:Jensen Huang", "/follow target:Nvidia channel:#news"),
    "unfollow": ("/unfollow target:Jensen Huang",),
    "following": ("/following",),
    "stats": ("/stats", "/stats days:7 scope:me"),
    "privacy info": ("/privacy info",),
    "privacy forget-me": ("/privacy forget-me",),
    "digest set": ("/digest set channel:#news time:08:30 timezone:Europe/Berlin",),
    "digest edit": ("/digest edit max_articles:5", "/digest edit time:09:00 language:zh-CN"),
    "digest status": ("/digest status",),
    "digest preview": ("/digest preview",),
    "digest now": ("/digest now",),
    "digest off": ("/digest off",),
    "article add": ("/article add file:<a .txt, .md or .json file>",),
    "article remove": ("/article remove article:Intel",),
    "story": ("/story", "/story article:Intel", "/story person:Jensen Huang"),
    "stories": ("/stories", "/stories days:30 contested:true"),
    "story-channel set": ("/story-channel set channel:#news",),
    "story-channel off": ("/story-channel off",),
}

# English command metadata -> (Simplified, Traditional). Names: lower case, no spaces, 1-32 characters.
COMMANDS: dict[str, tuple[str, str]] = {
    "story": ("报道", "報導"),
    "One event across articles: first and latest report, sources, people, who said what": (
        "一个事件的全部报道：最早和最新报道、来源、人物、谁说了什么",
        "一個事件的全部報導：最早和最新報導、來源、人物、誰說了什麼",
    ),
    "The story of this article": ("这篇文章所属的报道", "這篇文章所屬的報導"),
    "The latest story about this person": ("关于此人的最新报道", "關於此人的最新報導"),
    "Words to search the articles for": ("要在文章中搜索的词", "要在文章中搜尋的詞"),
    "stories": ("报道列表", "報導列表"),
    "Recent stories, most covered first": ("最近的报道，报道最多的在前", "最近的報導，報導最多的在前"),
    "How many days back (default 7)": ("往回看多少天（默认 7）", "往回看多少天（預設 7）"),
    "contested": ("有争议", "有爭議"),
    "Only stories where a denial meets a claim": ("只看有否认的报道", "只看有否認的報導"),
    "Only claims contested in their story (a denial meets an assertion or report)": (
        "只看在报道中有争议的说法（有否认对上断言或转述）",
        "只看在報導中有爭議的說法（有否認對上斷言或轉述）",
    ),
    "story-channel": ("报道频道", "報導頻道"),
    "Post each new story as a thread (server managers)": (
        "把每个新报道发成子区（服务器管理员）",
        "把每個新報導發成討論串（伺服器管理員）",
    ),
    "Make each new story a thread (or forum post) in this channel": (
        "在此频道把每个新报道发成子区（或论坛帖子）",
        "在此頻道把每個新報導發成討論串（或論壇貼文）",
    ),
    "A text channel or a forum": ("文字频道或论坛", "文字頻道或論壇"),
    "Stop posting stories in a channel": ("停止在频道中发布报道", "停止在頻道中發布報導"),
    "Add or remove an article (server managers)": (
        "添加或删除文章（服务器管理员）",
        "新增或刪除文章（伺服器管理員）",
    ),
    "add": ("添加", "新增"),
    "Add an article from a file (summary or plain text, up to 1 MB)": (
        "从文件添加文章（摘要或纯文本，最多 1 MB）",
        "從檔案新增文章（摘要或純文字，最多 1 MB）",
    ),
    "file": ("文件", "檔案"),
    "A .txt, .md or .json file": (".txt、.md 或 .json 文件", ".txt、.md 或 .json 檔案"),
    "remove": ("删除", "刪除"),
    "Remove an article": ("删除一篇文章", "刪除一篇文章"),
    "The article to remove": ("要删除的文章", "要刪除的文章"),
    "follow": ("关注", "關注"),
    "Get an alert when a new article mentions a person or an organization": (
        "有新文章提到某个人物或机构时提醒我",
        "有新文章提到某個人物或機構時提醒我",
    ),
    "target": ("对象", "對象"),
    "Start typing a person or an organization": ("输入人物或机构名称", "輸入人物或機構名稱"),
    "Where alerts go (leave empty for direct messages)": (
        "提醒发送到哪里（留空则私信）",
        "提醒傳送到哪裡（留空則私訊）",
    ),
    "unfollow": ("取消关注", "取消關注"),
    "Stop alerts about a person or an organization": ("停止某个人物或机构的提醒", "停止某個人物或機構的提醒"),
    "following": ("我的关注", "我的關注"),
    "The people and organizations you follow in this server": (
        "你在本服务器关注的人物和机构",
        "你在本伺服器關注的人物和機構",
    ),
    "ping": ("在线", "在線"),
    "setup": ("设置", "設定"),
    "Check this server's setup: digest, feeds, filters, story threads, permissions": (
        "检查本服务器的设置：简报、订阅源、过滤规则、报道讨论串、权限",
        "檢查本伺服器的設定：簡報、訂閱源、過濾規則、報導討論串、權限",
    ),
    "Check that the bot answers": ("检查机器人是否在线", "檢查機器人是否在線"),
    "summary": ("摘要", "摘要"),
    "What an article says: core viewpoint and key points": (
        "文章讲了什么：核心观点和要点",
        "文章講了什麼：核心觀點和要點",
    ),
    "article": ("文章", "文章"),
    "Start typing a title": ("输入标题开始搜索", "輸入標題開始搜尋"),
    "length": ("长度", "長度"),
    "short (default) or full with every point": (
        "short（默认）或 full（全部要点）",
        "short（預設）或 full（全部要點）",
    ),
    "short": ("简短", "簡短"),
    "full": ("完整", "完整"),
    "articles": ("文章列表", "文章列表"),
    "Browse and search the articles the bot knows": (
        "浏览和搜索机器人所知道的文章",
        "瀏覽和搜尋機器人所知道的文章",
    ),
    "list": ("列表", "列表"),
    "The newest articles first": ("最新的文章在前", "最新的文章在前"),
    "search": ("搜索", "搜尋"),
    "Search titles, points and claims": ("搜索标题、要点和说法", "搜尋標題、要點和說法"),
    "query": ("关键词", "關鍵詞"),
    'Words to look for; "exact words" in quotes, OR for either: Nvidia OR AMD': (
        '要查找的词；"完整短语"加引号，OR 表示任一：Nvidia OR AMD',
        '要查詢的詞；"完整短語"加引號，OR 表示任一：Nvidia OR AMD',
    ),
    "about": ("关于", "關於"),
    "What this bot does and what it knows": ("这个机器人做什么、知道什么", "這個機器人做什麼、知道什麼"),
    "person": ("人物", "人物"),
    "A person's card: who they are, where they appear, what they said": (
        "人物卡片：是谁、出现在哪里、说了什么",
        "人物卡片：是誰、出現在哪裡、說了什麼",
    ),
    "name": ("姓名", "姓名"),
    "Start typing a name (surname, other spelling or a typo all work)": (
        "输入姓名（姓氏、其他写法或拼写错误都可以）",
        "輸入姓名（姓氏、其他寫法或拼寫錯誤都可以）",
    ),
    "people": ("人物列表", "人物列表"),
    "The people in one article, or the most mentioned overall": (
        "某篇文章中的人物，或被提及最多的人物",
        "某篇文章中的人物，或被提及最多的人物",
    ),
    "Leave empty for the most mentioned people": ("留空则显示被提及最多的人物", "留空則顯示被提及最多的人物"),
    "claims": ("说法", "說法"),
    "Claims with their stance, speaker and sources": (
        "说法及其立场、说话人和来源",
        "說法及其立場、說話人和來源",
    ),
    "Only this article": ("只看这篇文章", "只看這篇文章"),
    "Claims made by or about this person": ("此人提出的或关于此人的说法", "此人提出的或關於此人的說法"),
    "stance": ("立场", "立場"),
    "Only claims with this stance": ("只看这种立场的说法", "只看這種立場的說法"),
    "Only claims mentioning these words": ("只看提到这些词的说法", "只看提到這些詞的說法"),
    "asserted": ("断言", "斷言"),
    "reported": ("据报道", "據報道"),
    "denied": ("否认", "否認"),
    "acknowledged": ("承认", "承認"),
    "digest": ("每日简报", "每日簡報"),
    "A daily post of what is new": ("每天发布一次新内容", "每天發布一次新內容"),
    "set": ("设置", "設定"),
    "Post a digest every day at a time in your time zone": (
        "每天在你所在时区的某个时间发布简报",
        "每天在你所在時區的某個時間發布簡報",
    ),
    "channel": ("频道", "頻道"),
    "Where to post": ("发布到哪里", "發布到哪裡"),
    "time": ("时间", "時間"),
    "24-hour local time, e.g. 08:30": ("24 小时制当地时间，例如 08:30", "24 小時制當地時間，例如 08:30"),
    "timezone": ("时区", "時區"),
    "IANA time zone, e.g. Europe/Berlin (default UTC)": (
        "IANA 时区，例如 Asia/Shanghai（默认 UTC）",
        "IANA 時區，例如 Asia/Shanghai（預設 UTC）",
    ),
    "max_articles": ("最多文章数", "最多文章數"),
    "skip_empty": ("跳过空白日", "跳過空白日"),
    "On a quiet day post nothing (default) or a one-line notice": (
        "没有新内容时不发布（默认）或发布一行通知",
        "沒有新內容時不發布（預設）或發布一行通知",
    ),
    "language": ("语言", "語言"),
    "Language of the digest (default English)": ("简报的语言（默认英语）", "簡報的語言（預設英語）"),
    "English": ("英语", "英語"),
    "Simplified Chinese": ("简体中文", "簡體中文"),
    "Traditional Chinese": ("繁体中文", "繁體中文"),
    "status": ("状态", "狀態"),
    "Schedule, next run, last post and recent failures": (
        "安排、下次发布、上次发布和最近的失败",
        "安排、下次發布、上次發布和最近的失敗",
    ),
    "preview": ("预览", "預覽"),
    "See the next digest privately, without posting it": (
        "私下查看下一期简报，不发布",
        "私下檢視下一期簡報，不發布",
    ),
    "now": ("立即发布", "立即發布"),
    "Post a digest right away (the scheduled one still runs)": (
        "立即发布一期简报（定时简报照常发布）",
        "立即發布一期簡報（定時簡報照常發布）",
    ),
    "off": ("关闭", "關閉"),
    "Stop the daily digest": ("停止每日简报", "停止每日簡報"),
    "stats": ("统计", "統計"),
    "How the bot is used here: commands, people, articles, speed": (
        "机器人在这里的使用情况：命令、人物、文章、速度",
        "機器人在這裡的使用情況：命令、人物、文章、速度",
    ),
    "days": ("天数", "天數"),
    "How many days back (1-365, default 30)": (
        "往回查看多少天（1-365，默认 30）",
        "往回檢視多少天（1-365，預設 30）",
    ),
    "scope": ("范围", "範圍"),
    "The whole server (managers) or just you": (
        "整个服务器（管理员）或仅你自己",
        "整個伺服器（管理員）或僅你自己",
    ),
    "server": ("服务器", "伺服器"),
    "me": ("我", "我"),
    "privacy": ("隐私", "隱私"),
    "What the bot stores about you, and deleting it": (
        "机器人保存的关于你的信息，以及如何删除",
        "機器人儲存的關於你的資訊，以及如何刪除",
    ),
    "info": ("说明", "說明"),
    "What the bot stores about you and for how long": (
        "机器人保存关于你的哪些信息、保存多久",
        "機器人儲存關於你的哪些資訊、儲存多久",
    ),
    "forget-me": ("删除我的记录", "刪除我的記錄"),
    "Delete every record of your use of the bot": (
        "删除你使用机器人的全部记录",
        "刪除你使用機器人的全部記錄",
    ),
    "help": ("帮助", "說明"),
    "org": ("机构", "機構"),
    "An organization's card: its people, recent claims and articles": (
        "机构卡片：相关人物、最近的说法和文章",
        "機構卡片：相關人物、最近的說法和文章",
    ),
    "Start typing an organization, e.g. Nvidia": ("输入机构名称，例如 Nvidia", "輸入機構名稱，例如 Nvidia"),
    "edit": ("修改", "修改"),
    "Change some digest settings; the others stay as they are": (
        "修改部分简报设置；其余保持不变",
        "修改部分簡報設定；其餘保持不變",
    ),
    "Every command you can use here, with examples": (
        "你在这里可以使用的全部命令及示例",
        "你在這裡可以使用的全部命令及範例",
    ),
    "command": ("命令", "命令"),
    "One command to explain with its options": ("要详细说明的命令及其选项", "要詳細說明的命令及其選項"),
    # --- issue 18: timelines and /moves
    "show": ("显示", "顯示"),
    "The card (default) or the whole timeline: every move and claim by date": (
        "人物卡片（默认）或完整时间线：按日期列出全部动向和说法",
        "人物卡片（預設）或完整時間線：按日期列出全部動向和說法",
    ),
    "card": ("卡片", "卡片"),
    "timeline": ("时间线", "時間線"),
    "moves": ("人事变动", "人事變動"),
    "Recent leadership moves: who joined, left, was appointed or fired": (
        "最近的高管变动：谁加入、离开、获任命或被解职",
        "最近的高管變動：誰加入、離開、獲任命或被解職",
    ),
    "organization": ("机构", "機構"),
    "Only moves at this organization": ("只看这个机构的变动", "只看這個機構的變動"),
    "How many days back (1-3650, default 30)": (
        "往回查看多少天（1-3650，默认 30）",
        "往回檢視多少天（1-3650，預設 30）",
    ),
    "kind": ("类型", "類型"),
    "Only this kind of move": ("只看这种变动", "只看這種變動"),
    "joined": ("加入", "加入"),
    "left": ("离开", "離開"),
    "appointed": ("获任命", "獲任命"),
    "fired": ("被解职", "被解職"),
    "returned": ("回归", "回歸"),
    "people_moves": ("人事变动", "人事變動"),
    "Add a “People moves” section (leadership moves in the new articles)": (
        "加入“人事变动”部分（新文章中的高管变动）",
        "加入「人事變動」部分（新文章中的高管變動）",
    ),
}


def lang_of(locale: object, guild_locale: object = None) -> str:
    """The reply language: the member's Discord language if we speak it, else the server's, else English."""
    for value in (locale, guild_locale):
        code = str(getattr(value, "value", value) or "")
        if code in ("zh-CN", "zh-TW"):
            return code
        if code.startswith("en"):
            return "en"
    return "en"


def pick(interaction: discord.Interaction) -> str:
    return lang_of(interaction.locale, interaction.guild_locale)


def permissions(names: list[str], lang: str = "en") -> str:
    """discord.py permission names as Discord shows them: ``the Send Messages and Embed Links permissions``."""
    shown = [t(f"perm_{n}", lang) if f"perm_{n}" in REPLIES else n.replace("_", " ").title() for n in names]
    if len(shown) == 1:
        return t("perm_one", lang, name=shown[0])
    joiner = ", " if lang == "en" else ("”、“" if lang == "zh-CN" else "」、「")
    return t("perm_many", lang, names=joiner.join(shown[:-1]), last=shown[-1])


def describe(text: str, lang: str = "en") -> str:
    """A command's English description (or option name) in ``lang``, as Discord shows it to that client."""
    column = {"zh-CN": 0, "zh-TW": 1}.get(lang)
    found = COMMANDS.get(text)
    return found[column] if found and column is not None else text


_PLURAL = re.compile(r"\{(\w+)(?::[^}]*)?\}([^{}]*?)\b(\w+)\(s\)")


def _plurals(text: str, values: dict[str, Any]) -> str:
    """English ``{n} article(s)``: ``article`` when the nearest number before the word is 1, else ``articles``."""

    def one(m: re.Match[str]) -> str:
        value = values.get(m.group(1))
        word = m.group(3) if value == 1 else m.group(3) + "s"
        return m.group(0)[: m.start(3) - m.start(0)] + word

    return _PLURAL.sub(one, text)


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The string ``key`` in ``lang`` with ``values`` filled in (English when a language is unknown)."""
    text = REPLIES[key][_INDEX.get(lang, 0)]
    if "(s)" in text:
        text = _plurals(text, values)
    return text.format(**values) if values else text


# The fixed phrases of a feed's refusal or fetch error (bot/ingest/feeds.py writes them in English): pattern -> the
# Simplified and Traditional wording, with the pattern's groups (an address, a scheme, a status) kept as written.
_FEED_PHRASES: tuple[tuple[str, str, str], ...] = (
    (r"(.+) is a loopback address", r"\1 是本机回环地址", r"\1 是本機迴環位址"),
    (
        r"(.+) is a link-local address \(cloud metadata lives there\)",
        r"\1 是链路本地地址（云主机元数据所在）",
        r"\1 是鏈路本地位址（雲端主機中繼資料所在）",
    ),
    (r"(.+) is a multicast address", r"\1 是组播地址", r"\1 是群播位址"),
    (r"(.+) is a reserved address", r"\1 是保留地址", r"\1 是保留位址"),
    (r"(.+) is a private address", r"\1 是内网地址", r"\1 是內網位址"),
    (r"(.+) is a non-public address", r"\1 不是公网地址", r"\1 不是公開位址"),
    (r"(.+) is not an IP address", r"\1 不是 IP 地址", r"\1 不是 IP 位址"),
    (
        r"(\S+) URLs are not fetched, only http\(s\)",
        r"不获取 \1 网址，只获取 http(s)",
        r"不取得 \1 網址，只取得 http(s)",
    ),
    (r"the URL has no host", "网址中没有主机名", "網址中沒有主機名稱"),
    (r"more than (\d+) redirects", r"重定向超过 \1 次", r"重新導向超過 \1 次"),
    (r"cannot fetch: (.+)", r"无法获取：\1", r"無法取得：\1"),
)


def feed_error(error: str, lang: str = "en") -> str:
    """A feed's refusal or fetch error as shown after "That feed cannot be used:": without its own ``refused:``
    (no "used: refused:" double colon), its fixed phrases in the reader's language, addresses as written."""
    text = re.sub(r"^refused:\s*", "", error.strip())
    column = {"zh-CN": 1, "zh-TW": 2}.get(lang)
    if column is None:
        return text
    text, setting = re.match(r"(.*?)((?:\s*\(allow it with \w+\))?)$", text, re.S).groups()  # type: ignore[union-attr]
    for pattern, *wording in _FEED_PHRASES:
        found = re.fullmatch(pattern, text)
        if found:
            return found.expand(wording[column - 1]) + setting
    return text + setting


# Values in /help examples that a Chinese client shows in its own words (choice names come from COMMANDS).
_EXAMPLE_VALUES: dict[str, tuple[str, str]] = {
    "<a .txt, .md or .json file>": ("<一个 .txt、.md 或 .json 文件>", "<一個 .txt、.md 或 .json 檔案>"),
}


def example(text: str, lang: str = "en") -> str:
    """A /help example in ``lang``: an option's value that is a choice name or a placeholder is shown as the
    reader's client shows it (``applies_to:Feed posts`` -> ``applies_to:订阅源帖子``); typed values stay."""
    column = {"zh-CN": 0, "zh-TW": 1}.get(lang)
    if column is None:
        return text

    def value(m: re.Match[str]) -> str:
        typed = m.group(2)
        found = _EXAMPLE_VALUES.get(typed) or COMMANDS.get(typed)
        return m.group(1) + (found[column] if found else typed)

    return re.sub(r"(?<=\s)([\w-]+:)(<[^>]*>|\S.*?)(?=\s+[\w-]+:|$)", value, text)


class NewsdeskTranslator(app_commands.Translator):
    """Command names, descriptions, option names and choices for zh-CN and zh-TW; English stays the default."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        column = {discord.Locale.chinese: 0, discord.Locale.taiwan_chinese: 1}.get(locale)
        if column is None:
            return None
        found = COMMANDS.get(string.message)
        return found[column] if found else None


# ---------------------------------------------------------------------------------------------------------
# A server's own feeds and their posts (/feed), role pings.

REPLIES.update(
    {
        "post_claims": ("Key claims", "主要说法", "主要說法"),
        "post_people": ("People", "人物", "人物"),
        "post_more": (
            "…and {n} more new article(s) from this server's feeds (at most {cap} posts an hour here):",
            "……本服务器的订阅源另有 {n} 篇新文章（此频道每小时最多发布 {cap} 篇）：",
            "……本伺服器的訂閱源另有 {n} 篇新文章（此頻道每小時最多發布 {cap} 篇）：",
        ),
        "feed_list_title": (
            "This server's feeds ({n} of {limit})",
            "本服务器的订阅源（{n} / {limit}）",
            "本伺服器的訂閱源（{n} / {limit}）",
        ),
        "feed_list_empty": (
            "No feeds yet. Add one with `/feed add url:` (try it first with `/feed test url:`).",
            "还没有订阅源。用 `/feed add url:` 添加（可先用 `/feed test url:` 试一试）。",
            "還沒有訂閱源。用 `/feed add url:` 新增（可先用 `/feed test url:` 試一試）。",
        ),
        "feed_no_channel": ("no channel", "未设频道", "未設頻道"),
        "feed_mode_each": ("each new article posted in", "每篇新文章发布到", "每篇新文章發布到"),
        "feed_mode_digest_only": (
            "digest only; failures told in",
            "仅进简报；故障通知发到",
            "僅進簡報；故障通知發到",
        ),
        "feed_mode_none": ("not posted; failures told in", "不发布；故障通知发到", "不發布；故障通知發到"),
        "feed_line_post": ("{mode} {where}", "{mode} {where}", "{mode} {where}"),
        "feed_line_crosspost": ("published to following servers", "发布给关注的服务器", "發布給關注的伺服器"),
        "feed_line_fetched": ("Last fetch: {when}", "上次获取：{when}", "上次取得：{when}"),
        "feed_line_error": (
            "⚠ {error} ({n} failure(s) in a row)",
            "⚠ {error}（连续失败 {n} 次）",
            "⚠ {error}（連續失敗 {n} 次）",
        ),
        "feed_line_next": ("Next try: {when}", "下次尝试：{when}", "下次嘗試：{when}"),
        "feed_never": ("not yet", "尚未", "尚未"),
        "feed_test_head": (
            "**Feed test** of {url}: the first {n} item(s) as they would be posted. Nothing was stored.",
            "**订阅源测试** {url}：前 {n} 条按发布时的样子显示。没有保存任何内容。",
            "**訂閱源測試** {url}：前 {n} 則按發布時的樣子顯示。沒有儲存任何內容。",
        ),
        "feed_test_skipped": (
            "{n} item(s) had no article text to read and would be skipped.",
            "{n} 条没有可读的文章正文，会被跳过。",
            "{n} 則沒有可讀的文章正文，會被略過。",
        ),
        "feed_test_empty": (
            "{url} is a feed, but none of its items has article text to read: nothing would be posted.",
            "{url} 是订阅源，但其中没有可读的文章正文：不会发布任何内容。",
            "{url} 是訂閱源，但其中沒有可讀的文章正文：不會發布任何內容。",
        ),
        "feed_refused": (
            "That feed cannot be used: {error}. Check the address (http or https, a public server) and try "
            "`/feed test url:` again.",
            "无法使用该订阅源：{error}。请检查地址（http 或 https、公网服务器）后再用 `/feed test url:` 试一次。",
            "無法使用該訂閱源：{error}。請檢查位址（http 或 https、公開伺服器）後再用 `/feed test url:` 試一次。",
        ),
        "feed_bad_url": (
            "`{url}` is not a feed address: give the full http(s) URL, e.g. https://example.com/rss.xml.",
            "`{url}` 不是订阅源地址：请提供完整的 http(s) 网址，例如 https://example.com/rss.xml。",
            "`{url}` 不是訂閱源位址：請提供完整的 http(s) 網址，例如 https://example.com/rss.xml。",
        ),
        "feed_limit": (
            "This server has {limit} feeds, the most it may have. Remove one with `/feed remove` first.",
            "本服务器已有 {limit} 个订阅源，已达上限。请先用 `/feed remove` 删除一个。",
            "本伺服器已有 {limit} 個訂閱源，已達上限。請先用 `/feed remove` 刪除一個。",
        ),
        "feed_need_channel": (
            "Posting each article needs a channel: add `channel:` (or choose `post: Digest only`).",
            "逐篇发布需要频道：请加上 `channel:`（或选择 `post: 仅进简报`）。",
            "逐篇發布需要頻道：請加上 `channel:`（或選擇 `post: 僅進簡報`）。",
        ),
        "feed_added": (
            "Added {url}: what it holds now ({n} article(s)) is in this server's library; from now on {what}.",
            "已添加 {url}：其中现有的 {n} 篇文章已加入本服务器的资料库；今后{what}。",
            "已新增 {url}：其中現有的 {n} 篇文章已加入本伺服器的資料庫；今後{what}。",
        ),
        "feed_updated": (
            "{url} was already a feed here: its options are updated; {what}.",
            "{url} 已是本服务器的订阅源：选项已更新；{what}。",
            "{url} 已是本伺服器的訂閱源：選項已更新；{what}。",
        ),
        "feed_what_each": (
            "each new article is posted in {channel}",
            "每篇新文章会发布到 {channel}",
            "每篇新文章會發布到 {channel}",
        ),
        "feed_what_digest": (
            "new articles go into the digest only",
            "新文章只进入简报",
            "新文章只進入簡報",
        ),
        "feed_what_none": (
            "new articles are added without being posted",
            "新文章只加入资料库，不发布",
            "新文章只加入資料庫，不發布",
        ),
        "feed_removed": (
            "Removed {url}. The articles it gave stay; `/article remove` removes one.",
            "已删除 {url}。它带来的文章仍保留；可用 `/article remove` 删除。",
            "已刪除 {url}。它帶來的文章仍保留；可用 `/article remove` 刪除。",
        ),
        "feed_not_found": (
            "{url} is not one of this server's feeds (`/feed list` shows them).",
            "{url} 不是本服务器的订阅源（`/feed list` 可查看）。",
            "{url} 不是本伺服器的訂閱源（`/feed list` 可查看）。",
        ),
        "feed_failing_notice": (
            "⚠ The feed {url} has failed since {since}: {error}. Its articles are not arriving. Check the "
            "address with `/feed test`, or remove it with `/feed remove`. (Told once; it is still tried.)",
            "⚠ 订阅源 {url} 自 {since} 起一直失败：{error}。它的文章没有送达。请用 `/feed test` 检查地址，"
            "或用 `/feed remove` 删除。（只通知一次；仍会继续尝试。）",
            "⚠ 訂閱源 {url} 自 {since} 起一直失敗：{error}。它的文章沒有送達。請用 `/feed test` 檢查位址，"
            "或用 `/feed remove` 刪除。（只通知一次；仍會繼續嘗試。）",
        ),
        "sched_role": ("Mentions", "提及", "提及"),
        "filter_bad": ("{error}.", "{error}。", "{error}。"),
        "filter_where_all": ("all", "全部", "全部"),
        "filter_where_feeds": ("feeds", "订阅源帖子", "訂閱源貼文"),
        "filter_where_digest": ("digest", "简报", "簡報"),
        "filter_where_alerts": ("alerts", "关注提醒", "關注提醒"),
        "filter_rule_empty": (
            "a rule needs a value: for example word:tariff, -word:rumour, person:Jensen Huang",
            "规则需要一个值：例如 word:关税、-word:传闻、person:姓名",
            "規則需要一個值：例如 word:關稅、-word:傳聞、person:姓名",
        ),
        "filter_rule_no_kind": (
            "a rule starts with its kind ({kinds}): to match the words, use {hint}",
            "规则要以类型开头（{kinds}）：要匹配这些词，请用 {hint}",
            "規則要以類型開頭（{kinds}）：要符合這些詞，請用 {hint}",
        ),
        "filter_rule_long": (
            "a rule's value is at most {n} characters",
            "规则的值最多 {n} 个字符",
            "規則的值最多 {n} 個字元",
        ),
        "filter_rule_stance": (
            "stance is one of: asserted, reported, denied, acknowledged",
            "stance 只能是：asserted（提出）、reported（据报道）、denied（否认）、acknowledged（承认）",
            "stance 只能是：asserted（提出）、reported（據報導）、denied（否認）、acknowledged（承認）",
        ),
        "filter_limit": (
            "This server has {n} filter rules, the most it may have: remove one with `/filter remove` first.",
            "本服务器已有 {n} 条过滤规则，已达上限：请先用 `/filter remove` 删除一条。",
            "本伺服器已有 {n} 條過濾規則，已達上限：請先用 `/filter remove` 刪除一條。",
        ),
        "filter_added": (
            "Added {rule} for {where}.",
            "已为 {where} 添加 {rule}。",
            "已為 {where} 新增 {rule}。",
        ),
        "filter_known": (
            "{rule} was already a rule for {where}.",
            "{rule} 已是 {where} 的规则。",
            "{rule} 已是 {where} 的規則。",
        ),
        "filter_removed": (
            "Removed {rule} from {where}.",
            "已从 {where} 删除 {rule}。",
            "已從 {where} 刪除 {rule}。",
        ),
        "filter_not_found": (
            "{rule} is not one of this server's rules (`/filter list` shows them).",
            "{rule} 不是本服务器的规则（`/filter list` 可查看）。",
            "{rule} 不是本伺服器的規則（`/filter list` 可查看）。",
        ),
        "filter_none": (
            "No filter rules: feed posts, the digest and alerts let everything through. Add one with "
            "`/filter add rule:`.",
            "没有过滤规则：订阅源帖子、简报和提醒全部放行。用 `/filter add rule:` 添加。",
            "沒有過濾規則：訂閱源貼文、簡報和提醒全部放行。用 `/filter add rule:` 新增。",
        ),
        "filter_preview": (
            "{where}: {n} of the last {days} days' {total} article(s) would get through.",
            "{where}：最近 {days} 天的 {total} 篇文章中有 {n} 篇会通过。",
            "{where}：最近 {days} 天的 {total} 篇文章中有 {n} 篇會通過。",
        ),
        "role_needs_channel": (
            "A role is mentioned in a channel: add `channel:` too.",
            "身份组只能在频道中提及：请同时加上 `channel:`。",
            "身分組只能在頻道中提及：請同時加上 `channel:`。",
        ),
        "role_needs_manager": (
            "Mentioning a role needs the Manage Server permission.",
            "提及身份组需要“管理服务器”权限。",
            "提及身分組需要「管理伺服器」權限。",
        ),
        "role_not_mentionable": (
            "The bot may not mention {role}: make the role mentionable, or give the bot the Mention "
            "@everyone, @here and All Roles permission.",
            "机器人无法提及 {role}：请把该身份组设为可提及，或给机器人“提及 @everyone、@here 和所有身份组”权限。",
            "機器人無法提及 {role}：請把該身分組設為可提及，或給機器人「提及 @everyone、@here 和所有身分組」權限。",
        ),
    }
)

RULE_HELP = "word:tariff, -word:rumour, person:Name, org:Name, stance:denied, source:Name"

COMMANDS.update(
    {
        "feed": ("订阅源", "訂閱源"),
        "Your server's own RSS/Atom feeds": (
            "本服务器自己的 RSS/Atom 订阅源",
            "本伺服器自己的 RSS/Atom 訂閱源",
        ),
        "Add an RSS/Atom feed for this server": (
            "为本服务器添加 RSS/Atom 订阅源",
            "為本伺服器新增 RSS/Atom 訂閱源",
        ),
        "Stop fetching one of this server's feeds": (
            "停止获取本服务器的某个订阅源",
            "停止取得本伺服器的某個訂閱源",
        ),
        "This server's feeds and their health": ("本服务器的订阅源及其状态", "本伺服器的訂閱源及其狀態"),
        "test": ("测试", "測試"),
        "Fetch a feed now and show what would be posted (nothing is stored)": (
            "立即获取订阅源并显示将发布的内容（不保存）",
            "立即取得訂閱源並顯示將發布的內容（不儲存）",
        ),
        "url": ("网址", "網址"),
        "The feed's http(s) address": ("订阅源的 http(s) 地址", "訂閱源的 http(s) 位址"),
        "Where its articles are posted (a text channel, or a forum: a post each) and failures told": (
            "文章发布和故障通知的频道（文字频道，或论坛：每篇一帖）",
            "文章發布和故障通知的頻道（文字頻道，或論壇：每篇一帖）",
        ),
        "post": ("发布", "發布"),
        "Post each new article, leave them to the digest, or neither": (
            "逐篇发布新文章、只进简报，或都不",
            "逐篇發布新文章、只進簡報，或都不",
        ),
        "Each new article": ("每篇新文章", "每篇新文章"),
        "Digest only": ("仅进简报", "僅進簡報"),
        "Don't post": ("不发布", "不發布"),
        "crosspost": ("跨服发布", "跨服發布"),
        "Publish posts made in an announcement channel to following servers": (
            "把公告频道里的帖子发布给关注的服务器",
            "把公告頻道裡的貼文發布給關注的伺服器",
        ),
        "role": ("身份组", "身分組"),
        "sample": ("示例", "範例"),
        "filter": ("过滤", "過濾"),
        "What feed posts, digests and alerts let through": (
            "订阅源帖子、简报和提醒放行哪些内容",
            "訂閱源貼文、簡報和提醒放行哪些內容",
        ),
        "Let through only what matches, or keep out what matches (-)": (
            "只放行匹配的，或排除匹配的（-）",
            "只放行符合的，或排除符合的（-）",
        ),
        "rule": ("规则", "規則"),
        RULE_HELP: (
            "word:关税、-word:传闻、person:姓名、org:机构、stance:denied、source:来源",
            "word:關稅、-word:傳聞、person:姓名、org:機構、stance:denied、source:來源",
        ),
        "applies_to": ("适用于", "適用於"),
        "Where the rule applies (default: everything)": (
            "规则适用的地方（默认：全部）",
            "規則適用的地方（預設：全部）",
        ),
        "Everything (feed posts, digest, alerts)": (
            "全部（订阅源帖子、简报、提醒）",
            "全部（訂閱源貼文、簡報、提醒）",
        ),
        "Feed posts": ("订阅源帖子", "訂閱源貼文"),
        "Digest": ("简报", "簡報"),
        "Follow alerts": ("关注提醒", "關注提醒"),
        "Remove one filter rule": ("删除一条过滤规则", "刪除一條過濾規則"),
        "This server's filter rules and what they let through": (
            "本服务器的过滤规则及其放行情况",
            "本伺服器的過濾規則及其放行情況",
        ),
        "Post the feed's newest item now, as a sample": (
            "立即发布订阅源的最新一条作为示例",
            "立即發布訂閱源的最新一則作為範例",
        ),
        "A role to mention with each digest (none: no ping)": (
            "每次简报提及的身份组（不填：不提及）",
            "每次簡報提及的身分組（不填：不提及）",
        ),
        "A role to mention with the alerts (Manage Server)": (
            "提醒时提及的身份组（需管理服务器权限）",
            "提醒時提及的身分組（需管理伺服器權限）",
        ),
    }
)

EXAMPLES.update(
    {
        "feed add": (
            "/feed add url:https://example.com/rss.xml channel:#news",
            "/feed add url:https://example.com/atom.xml post:Digest only",
        ),
        "feed remove": ("/feed remove url:https://example.com/rss.xml",),
        "feed list": ("/feed list",),
        "feed test": ("/feed test url:https://example.com/rss.xml",),
        "filter add": (
            "/filter add rule:stance:denied applies_to:Feed posts",
            "/filter add rule:-word:rumour",
        ),
        "filter remove": ("/filter remove rule:-word:rumour",),
        "filter list": ("/filter list",),
    }
)

REPLIES.update(
    {
        "digest_header_stories": (
            "📰 **Daily digest** · {day} · {count} new event(s) from {reports} article(s)",
            "📰 **每日简报** · {day} · {count} 个新事件，共 {reports} 篇文章",
            "📰 **每日簡報** · {day} · {count} 個新事件，共 {reports} 篇文章",
        ),
        "digest_more_stories": (
            "+{n} more event(s) — `/stories` lists them",
            "另有 {n} 个事件 —— `/stories` 可查看",
            "另有 {n} 個事件 —— `/stories` 可檢視",
        ),
        "digest_also": (
            "**Also:** {sources}",
            "**其他报道：** {sources}",
            "**其他報導：** {sources}",
        ),
    }
)

COMMANDS.update(
    {
        "At most this many stories (1-25, default 10)": (
            "最多多少个事件（1-25，默认 10）",
            "最多多少個事件（1-25，預設 10）",
        ),
    }
)
