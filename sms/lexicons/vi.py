"""Vietnamese (US families' usage; often typed without diacritics, so both spellings are listed).

Folding drops accents but keeps "đ", so every phrase with "đ" is listed with "d" too (`_d`).
"""

from dataclasses import replace

from sms.lexicons import Lexicon


def _d(*phrases: str) -> tuple[str, ...]:
    """The phrases, each also with "đ" typed as "d" (parents without a Vietnamese keyboard)."""
    out = []
    for phrase in phrases:
        out.append(phrase)
        plain = phrase.replace("đ", "d").replace("Đ", "D")
        if plain != phrase:
            out.append(plain)
    return tuple(dict.fromkeys(out))


LEXICON = Lexicon(
    locale="vi",
    names=("tieng viet", "tiếng việt", "viet", "vietnamese", "tieng viet nam", "tiếng việt nam", "tiếng việt đi",
           "nói tiếng việt", "noi tieng viet", "viết tiếng việt", "viet tieng viet", "tv"),
    # Common Vietnamese words: they vote for the language, and a word the lexicons know is never
    # read as a typo of an English word ("con trai" is not "con train", "khong phai" not "khong phat").
    markers=_d("toi", "minh", "con", "cua", "cho", "co", "khong", "ko", "k", "hok", "hong", "gi", "nao", "gan", "muon", "tim",
               "truong", "va", "cac", "nhung", "be", "chau", "em", "anh", "chi", "đuoc", "hoc", "lop", "tieng", "nha", "vay",
               "sao", "nay", "ve", "voi", "đang", "oi", "nhe", "nhé", "giup", "xin", "o đau", "bao nhieu", "khu", "xe", "đi",
               "cần", "ở", "ạ", "ah", "thi", "nguoi", "bi", "roi", "chua", "lam", "đc", "dk", "trai", "gai", "con trai",
               "con gai", "con toi", "con minh", "con em", "chau toi", "be nha", "con nha", "toi can", "toi muon", "minh muon",
               "em muon", "co khong", "gan nha", "tim truong", "truong nao", "minh ten", "toi ten", "em ten", "ten toi",
               "ten minh", "ten em", "ten la", "so sanh", "thanh", "pho", "thanh pho", "trong", "ngoai", "phai", "sinh",
               "hoc sinh", "hinh", "tinh", "sach", "ngay", "cung", "chung", "tham", "khao", "dieu", "giay", "chan", "nhac",
               "nhieu", "hien", "truoc", "biet", "thich", "tuoi", "thang", "nam nay", "qua", "gioi", "yeu", "kem",
               "ranh", "viec", "sang", "chieu", "hom", "tuan", "nhanh", "cham", "thay", "đoi", "theo", "khac",
               "trung", "tieu", "cong", "quan", "huyen", "đuong", "phuong", "nghe", "noi", "đoc", "viet", "khong biet",
               "chuyen", "nhap", "nhap hoc", "xong", "giua", "sach", "duoi", "tren", "nhung", "nhieu", "thuong", "khoang",
               "chut", "luon", "cung", "nhat", "nhu", "nhung ma", "nhung", "luc", "khi", "nếu", "neu", "thoi gian",
               "buoi", "trua", "toi nay", "nhanh", "chong", "nguoi ta", "giao", "giao vien", "thay giao", "co giao",
               "nhan", "nhan vien", "quy", "kinh", "xa", "cach", "chan", "cau thang", "đuoc khong",
               "đuoc ko", "khong a", "ko a", "nha ban", "nhieu lam", "tro", "ho tro", "giup đo", "rước", "đưa",
               "đon", "tuoi roi", "bac", "ong", "ba ngoai", "ong ba", "chau noi", "chau ngoai", "tuyen", "sinh vien",
               "chuong", "trinh", "chuong trinh", "truong cong", "nhan hoc", "dang ki", "khuyet", "khiem", "thinh",
               "nhe nhang", "tru", "mien", "tranh", "chon", "thoi", "nhung truong"),
    fillers=_d("a", "ạ", "vui long", "làm ơn", "cam on", "cảm ơn", "cam on nhieu", "cảm ơn nhiều", "xin", "nhe", "nha", "nhé",
               "nhen", "ok", "oke", "okie", "dum", "giùm", "dùm", "giup em", "giup toi", "giup minh", "giup minh voi",
               "giup em voi", "giup toi voi", "ban oi", "anh oi", "chi oi", "em oi", "co oi", "oi", "ơi", "voi", "với",
               "tks", "thank", "thanks", "cho minh", "cho em", "cho toi", "cho tôi xem", "cho xem"),
    stop=_d("dung", "dừng", "dung lai", "dừng lại", "ngung", "ngừng", "ngung lai", "huy", "hủy", "huỷ", "huy dang ky",
            "hủy đăng ký", "hủy đăng kí", "thoi", "thôi", "đừng gửi nữa", "đừng nhắn tin nữa", "đừng nhắn nữa", "dung nhan tin",
            "khong nhan nua", "không nhận nữa", "ngung nhan tin", "ngừng nhắn tin", "ngừng gửi", "ngừng gửi tin",
            "không muốn nhận tin nữa", "khong muon nhan tin nua", "thôi đừng nhắn nữa", "thoi khong can nua", "huy tin nhan",
            "hủy tin nhắn", "stop"),
    start=_d("bat dau", "bắt đầu", "bat dau lai", "bắt đầu lại", "dang ky lai", "đăng ký lại", "đăng kí lại", "tiep tuc",
             "tiếp tục", "nhan tin lai", "nhắn tin lại", "gui lai", "gửi lại", "mo lai", "mở lại"),
    help=_d("giup", "giúp", "giup do", "giúp đỡ", "tro giup", "trợ giúp", "huong dan", "hướng dẫn", "cuu", "cứu", "cuu voi",
            "giup voi", "giúp với", "giúp tôi", "giup toi", "giúp mình", "giúp em", "hướng dẫn cách dùng", "hướng dẫn sử dụng",
            "cách dùng", "cách sử dụng", "dùng sao", "dùng thế nào", "dùng như thế nào", "sử dụng thế nào",
            "sử dụng như thế nào", "làm sao dùng", "làm sao để dùng", "làm sao", "làm thế nào", "cách làm", "menu",
            "tôi cần giúp", "cần giúp đỡ", "can giup", "cần giúp", "chỉ cách dùng", "chỉ mình cách dùng", "chỉ em cách dùng",
            "chỉ tôi cách dùng"),
    more=_d("them", "thêm", "xem them", "xem thêm", "tiep", "tiếp", "tiep theo", "tiếp theo", "con nua", "còn nữa",
            "con nua khong", "còn nữa không", "truong khac", "trường khác", "xem tiếp đi", "xem tiếp", "tiếp đi", "thêm đi",
            "xem thêm đi", "cho xem thêm", "cho xem tiếp", "thêm nữa", "nữa", "nữa đi", "còn không", "còn trường nào nữa không",
            "còn trường nào khác không", "còn trường nào nữa", "còn trường nào khác", "trường khác đi", "các trường khác",
            "những trường khác", "xem trường khác", "gửi thêm", "gửi thêm đi", "thêm trường", "thêm vài trường", "kế tiếp",
            "trang sau", "xem nữa", "còn gì nữa không"),
    greeting=_d("chao", "chào", "xin chao", "xin chào", "chao ban", "chào bạn", "chao anh", "chào anh", "chao chi", "chào chị",
                "chao em", "chào em", "chào cô", "chào thầy", "chào chú", "chào bác", "chào các bạn", "chào mọi người", "alo",
                "a lo", "alô", "alo alo", "chao buoi sang", "chào buổi sáng", "chào buổi chiều", "chào buổi tối", "hi ban",
                "hello ban", "kính chào", "kính chào quý trường", "chào quý trường", "xin kính chào", "xin chào quý vị",
                "chào quý vị", "chao xìn", "xin chào ạ", "chào ạ", "dạ chào", "dạ xin chào", "da chao"),
    wider=_d("xa hon", "xa hơn", "rong hon", "rộng hơn", "mo rong", "mở rộng", "tìm xa hơn", "xa hơn chút", "xa hơn một chút",
             "mở rộng khu vực", "khu vực rộng hơn", "tìm rộng hơn"),
    human=_d("noi chuyen", "nói chuyện", "nguoi that", "người thật", "nhan vien", "nhân viên", "goi cho toi", "gọi cho tôi",
             "gọi cho mình", "gọi cho em", "goi lai", "gọi lại", "goi dien", "gọi điện", "tong dai", "tổng đài", "tu van vien",
             "tư vấn viên", "gap nguoi", "gặp người", "nói chuyện với người", "cần người", "người tư vấn", "nhân viên tư vấn",
             "gặp nhân viên", "người hướng dẫn", "gọi đt", "gọi điện thoại", "điện thoại cho tôi", "gọi cho tui"),
    compare=_d("so sanh", "so sánh", "khac nhau", "khác nhau", "so voi", "so với", "sosanh", "ss", "khác gì", "khac gi",
               "cái nào tốt hơn", "trường nào tốt hơn", "trường nào hay hơn", "cái nào hơn", "tốt hơn", "hay hơn",
               "khác biệt", "so sánh giúp"),
    details=_d("chi tiet", "chi tiết", "thong tin", "thông tin", "so", "số", "truong so", "trường số", "xem truong", "xem trường",
               "cho biết thêm về", "thêm về", "nói thêm về", "tìm hiểu về", "tt", "thông tin về"),
    school_words=_d("truong", "trường", "truong hoc", "trường học", "cac truong", "các trường", "trg", "trường nào",
                    "truowng", "truowngf", "truongf", "ngôi trường", "học đường", "nhà trường"),
    grades={
        **{p: (-1, -1) for p in _d("tien mau giao", "tiền mẫu giáo", "mam non", "mầm non", "nha tre", "nhà trẻ", "lop mam",
                                     "lớp mầm", "lớp chồi", "tiền k", "lớp tiền mẫu giáo", "trường mầm non", "mẫu giáo nhỏ",
                                     "vườn trẻ", "nhà trẻ mẫu giáo", "trẻ 3 tuổi", "trẻ 4 tuổi", "bé 3 tuổi", "bé 4 tuổi")},
        **{p: (0, 0) for p in _d("mau giao", "mẫu giáo", "lop mau giao", "lớp mẫu giáo", "lớp lá", "mẫu giáo lớn",
                                   "lớp mẫu giáo lớn", "lop k", "lớp k", "mẩu giáo", "mẫu giao", "mau giáo")},
        **{p: (0, 5) for p in _d("tieu hoc", "tiểu học", "cap 1", "cấp 1", "cap mot", "cấp một", "trường tiểu học", "cấp i",
                                   "tiểu hoc", "tieu học")},
        **{p: (6, 8) for p in _d("trung hoc co so", "trung học cơ sở", "cap 2", "cấp 2", "cap hai", "cấp hai", "thcs", "cấp ii",
                                   "trung hoc cs", "trung học cs", "trung học cơ sơ", "cơ sở")},
        **{p: (9, 12) for p in _d("trung hoc pho thong", "trung học phổ thông", "cap 3", "cấp 3", "cap ba", "cấp ba", "thpt",
                                    "cấp iii", "trung hoc pt", "trung học pt", "phổ thông trung học", "trung học phổ thong")},
    },
    grade_patterns=tuple(p + r"\b(?! (?:nay|roi|toi|truoc|tuoi|ngoai))" for p in (
        r"\blop ?{n}", r"\blo(?:wps?|ps) ?{n}", r"\blp ?{n}", r"\bkhoi {n}", r"\blop thu {n}", r"\bl(\d{1,2})")),  # "l5": lớp written as its first letter, glued to the number  # not "lớp năm nay"
    number_words={"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
                  "muoi": 10, "muoi mot": 11, "muoi hai": 12, "nhat": 1, "nhi": 2},
    needs={
        "sped": _d("giao duc dac biet", "giáo dục đặc biệt", "gdđb", "nhu cầu đặc biệt", "nhu cầu giáo dục đặc biệt",
                   "khuyet tat", "khuyết tật", "khuyết tật học tập", "khuyết tật trí tuệ", "khiếm khuyết", "chuong trinh iep",
                   "có iep", "iep", "hoc cham", "học chậm", "chậm phát triển", "chậm nói", "chậm hiểu", "chậm học",
                   "chậm phát triển trí tuệ", "thiểu năng", "thiểu năng trí tuệ", "tăng động", "tang đong", "adhd",
                   "rối loạn tăng động", "giảm chú ý", "rối loạn", "hội chứng down", "down syndrome", "bại não",
                   "kế hoạch giáo dục cá nhân", "kế hoạch giáo dục cá nhân hóa", "kế hoạch giáo dục riêng",
                   "chương trình giáo dục cá nhân", "giáo dục cá nhân", "lớp đặc biệt", "lớp giáo dục đặc biệt",
                   "chương trình đặc biệt", "học sinh đặc biệt", "trẻ đặc biệt", "con đặc biệt", "nhu cầu riêng",
                   "trị liệu ngôn ngữ", "ngôn ngữ trị liệu", "âm ngữ trị liệu", "trị liệu", "khó khăn học tập", "khó khăn trong học tập",
                   "dyslexia", "chứng khó đọc", "504", "kế hoạch 504", "special ed", "sped", "giáo dục đặc biêt",
                   "giao duc đb", "giáo dục đb", "dạy trẻ đặc biệt"),
        "ell": _d("hoc tieng anh", "học tiếng anh", "lop tieng anh", "lớp tiếng anh", "esl", "ell", "chua biet tieng anh",
                  "chưa biết tiếng anh", "không biết tiếng anh", "ko biết tiếng anh", "k biết tiếng anh", "moi qua", "mới qua",
                  "mới sang mỹ", "mới qua mỹ", "mới đến mỹ", "mới tới mỹ", "mới sang đây", "mới qua đây", "mới từ việt nam",
                  "mới định cư", "mới nhập cư", "mới di dân", "mới nhập học từ việt nam", "học sinh mới đến",
                  "hỗ trợ tiếng anh", "giúp tiếng anh", "trợ giúp tiếng anh", "hỗ trợ anh ngữ", "hỗ trợ ngôn ngữ",
                  "tiếng anh chưa giỏi", "chưa giỏi tiếng anh", "không giỏi tiếng anh", "tiếng anh không giỏi",
                  "tiếng anh còn yếu", "tiếng anh yếu", "yếu tiếng anh", "tiếng anh kém", "kém tiếng anh", "tiếng anh còn kém",
                  "tiếng anh chưa tốt", "tiếng anh không tốt", "chưa rành tiếng anh", "không rành tiếng anh", "tiếng anh chưa rành",
                  "chưa nói được tiếng anh", "không nói được tiếng anh", "không nói tiếng anh", "chưa nói tiếng anh",
                  "ko nói được tiếng anh", "ko nói tiếng anh", "k nói đc tiếng anh", "ko nói đc tiếng anh",
                  "không hiểu tiếng anh", "chưa hiểu tiếng anh", "biết ít tiếng anh", "ít tiếng anh", "tiếng anh ít",
                  "chỉ biết tiếng việt", "chỉ nói tiếng việt", "chỉ nói được tiếng việt", "đang học tiếng anh",
                  "mới học tiếng anh", "học thêm tiếng anh", "thêm tiếng anh", "phụ đạo tiếng anh", "kèm tiếng anh",
                  "anh ngữ", "lớp anh ngữ", "anh văn", "học anh văn", "lớp anh văn", "tiếng anh là ngôn ngữ thứ hai",
                  "tiếng anh như ngôn ngữ thứ hai", "người học tiếng anh", "học sinh học tiếng anh", "lớp esl",
                  "chương trình esl", "chương trình ell", "tiếng anh chưa được", "tiếng anh chưa", "chưa biết nói tiếng anh",
                  "không biết nói tiếng anh", "ko bít tiếng anh", "k bit tieng anh", "chưa bít tiếng anh", "học tiếng mỹ",
                  "không biết tiếng mỹ", "chưa biết tiếng mỹ"),
        "dual_language": _d("dual language", "dual", "song ngu", "song ngữ", "lớp song ngữ", "chương trình song ngữ",
                            "trường song ngữ", "hai ngon ngu", "hai ngôn ngữ", "2 ngôn ngữ", "hai thứ tiếng", "2 thứ tiếng",
                            "chuong trinh hai ngon ngu", "dạy bằng hai thứ tiếng", "dạy cả hai thứ tiếng", "dạy hai thứ tiếng",
                            "học cả hai thứ tiếng", "giữ tiếng việt", "song ngừ", "sông ngữ", "nhúng ngôn ngữ",
                            "chương trình nhúng", "đắm chìm", "immersion", "dual lang", "học bằng tiếng việt"),
        "bus": _d("xe buyt truong", "xe buýt trường", "xe buýt của trường", "xe buýt trường học", "xe truong", "xe trường",
                  "xe đưa đón", "đưa đón", "xe đưa rước", "đưa rước", "xe rước", "rước đón", "đón rước", "xe đón", "xe đón học sinh",
                  "xe buyt", "xe buýt", "xe buyt vang", "xe buýt vàng", "bus truong", "xe bus", "xe bus trường", "school bus",
                  "xe buít", "xe bút", "xe đưa đón học sinh", "đưa đón học sinh", "có xe đưa", "xe chở học sinh", "xe chở"),
        "transit": _d("tau điện", "tàu điện", "xe lua", "xe lửa", "tau", "tàu", "giao thong cong cong", "giao thông công cộng",
                      "tàu điện ngầm", "xe buýt thành phố", "xe buýt công cộng", "xe bus thành phố", "xe bus công cộng",
                      "xe công cộng", "phương tiện công cộng", "phương tiện giao thông công cộng", "ga tàu", "trạm tàu",
                      "tàu cta", "cta", "metra", "metro", "đường sắt"),
        "accessible": _d("xe lan", "xe lăn", "ngồi xe lăn", "thang may", "thang máy", "lối đi cho xe lăn", "đường dốc",
                         "lối đi dốc", "dốc cho xe lăn", "không leo cầu thang", "không leo được cầu thang", "leo cầu thang",
                         "khó leo cầu thang", "không lên cầu thang", "không đi cầu thang", "không đi được cầu thang",
                         "đi lại khó khăn", "khó đi lại", "đi lại khó", "khó khăn đi lại", "đi đứng khó khăn", "đi đứng khó",
                         "khó đi đứng", "không đi lại được", "không tự đi được", "khó đi bộ", "không đi bộ được",
                         "khuyết tật vận động", "khuyết tật chân", "chống nạng", "khung tập đi", "bại liệt", "liệt chân",
                         "dễ tiếp cận", "tiếp cận cho người khuyết tật", "lối đi cho người khuyết tật", "không có cầu thang",
                         "tầng trệt", "wheelchair", "elevator"),
    },
    programs={
        "autism": _d("tu ky", "tự kỷ", "tự kỉ", "tự kĩ", "tự kì", "tu ki", "phổ tự kỷ", "rối loạn phổ tự kỷ", "tự kỷ nhẹ",
                     "tự kỷ nặng", "trẻ tự kỷ", "bệnh tự kỷ", "chứng tự kỷ", "asperger", "autism", "autistic", "tựkỷ",
                     "tự ky", "tu kỷ"),
        "deaf_hard_of_hearing": _d("khiếm thính", "khiem thinh", "khiếm thinh", "điếc", "bị điếc", "lãng tai", "nặng tai",
                                   "nghe kém", "nghe không rõ", "nghe ko rõ", "nghe không được", "không nghe được",
                                   "ko nghe được", "không nghe rõ", "khó nghe", "nghe khó", "mất thính lực", "thính lực kém",
                                   "thính giác", "khiếm khuyết thính giác", "máy trợ thính", "trợ thính", "đeo máy nghe",
                                   "cấy ốc tai", "ốc tai điện tử", "ngôn ngữ ký hiệu", "ngôn ngữ kí hiệu", "thủ ngữ",
                                   "câm điếc", "deaf", "hard of hearing"),
        "visual_impairment": _d("khiếm thị", "khiem thi", "bị mù", "mù lòa", "mù mắt", "người mù", "trẻ mù", "mắt kém",
                                "mắt yếu", "thị lực kém", "thị lực yếu", "nhìn kém", "nhìn không rõ", "nhìn ko rõ",
                                "không nhìn thấy", "không nhìn được", "không thấy đường", "khó nhìn", "mất thị lực",
                                "thị giác", "khiếm khuyết thị giác", "chữ nổi", "chữ braille", "braille", "low vision", "blind"),
        "self_contained": _d("lớp riêng", "lớp riêng biệt", "lớp biệt lập", "lớp tách biệt", "lớp tách riêng", "học riêng",
                             "lớp nhỏ riêng", "lớp khép kín", "lớp độc lập", "lớp giáo dục đặc biệt riêng", "lớp đặc biệt riêng",
                             "lớp chuyên biệt", "self contained", "self-contained"),
        "inclusion": _d("hoa nhap", "hòa nhập", "hoà nhập", "lớp hòa nhập", "giáo dục hòa nhập", "học hòa nhập",
                        "chương trình hòa nhập", "học chung với các bạn", "học chung với bạn bình thường", "học chung lớp",
                        "lớp học chung", "học với trẻ bình thường", "inclusion", "hòa nhạp", "hoà nhạp"),
        "resource": _d("phòng hỗ trợ", "phòng hỗ trợ học tập", "phòng tài nguyên", "phòng resource", "lớp resource",
                       "resource room", "phụ đạo riêng", "giờ hỗ trợ riêng", "phòng học hỗ trợ", "hỗ trợ riêng vài giờ",
                       "ra khỏi lớp vài giờ", "kéo ra học riêng"),
        "significant_support": _d("khuyết tật nặng", "khuyết tật nghiêm trọng", "khuyết tật nhiều", "đa tật", "đa khuyết tật",
                                  "khuyết tật trí tuệ nặng", "trí tuệ nặng", "mức độ nặng", "nặng lắm", "hỗ trợ nhiều",
                                  "cần hỗ trợ nhiều", "hỗ trợ đặc biệt nhiều", "hỗ trợ toàn diện", "hỗ trợ tích cực",
                                  "hỗ trợ cường độ cao", "chăm sóc đặc biệt", "cần người kèm", "kèm một một", "kèm 1 1",
                                  "một kèm một", "1 kèm 1"),
        "early_childhood": _d("can thiệp sớm", "can thiep som", "giáo dục đặc biệt mầm non", "đặc biệt mầm non",
                              "mầm non đặc biệt", "mẫu giáo đặc biệt", "tiền mẫu giáo đặc biệt", "giáo dục đặc biệt cho trẻ nhỏ",
                              "đặc biệt cho trẻ nhỏ", "giáo dục sớm đặc biệt", "mầm non cho trẻ đặc biệt",
                              "mầm non giáo dục đặc biệt", "mầm non cho trẻ khuyết tật", "mầm non khuyết tật",
                              "mẫu giáo khuyết tật", "pre k đặc biệt", "early childhood"),
    },
    sectors={"charter": _d("ban cong", "bán công", "truong charter", "trường charter", "charter", "trường bán công",
                           "trường tư thục công", "trường đặc quyền", "chác tơ", "chat tơ"),
             "district": _d("cong lap", "công lập", "truong cong", "trường công", "hoc khu", "học khu", "trường công lập",
                            "trường khu vực", "trường địa phương", "trường nhà nước", "cps", "trường cps", "trường quận", "trường của quận", "trường thuộc quận", "trường thuộc học khu",
                            "trường public", "public")},
    negations=_d("không muốn", "ko muốn", "k muốn", "hong muốn", "hok muốn", "không lấy", "ko lấy", "k lấy", "không phải",
                 "ko phải", "k phải", "hong phải", "chẳng phải", "không chọn", "ko chọn", "trừ", "ngoại trừ", "trừ ra", "trừ trường",
                 "miễn không phải", "miễn là không phải", "miễn sao không phải", "đừng chọn", "đừng lấy", "đừng gửi", "đừng",
                 "không thích", "ko thích", "k thích", "bỏ qua", "tránh", "chứ không", "chứ ko", "không phải là", "không xét", "không tính", "loại bỏ", "trường gì cũng được trừ", "nào cũng được trừ", "đừng có", "loại trừ",
                 # "không" right before the sector ("ko charter"): after a question it asks ("có trường charter không?")
                 *(f"{no} {sector}" for no in ("không", "ko", "k", "hông", "hok", "khong") for sector in ("charter", "trường charter",
                   "công lập", "trường công", "trường công lập", "district"))),
    not_needed=_d("không cần", "ko cần", "k cần", "hong cần", "hok cần", "khỏi cần", "chẳng cần", "không cần thiết",
                  "không có nhu cầu", "chưa cần", "không dùng", "ko dùng", "không xài", "tự đưa", "tự chở",
                  "tự đưa đón", "có xe riêng", "tự lái", "mình tự đưa", "tôi tự đưa", "không cần lắm"),
    languages={"tieng tay ban nha": "es", "tiếng tây ban nha": "es", "tay ban nha": "es", "tiếng tbn": "es", "tieng hoa": "zh",
               "tiếng hoa": "zh", "tieng trung": "zh", "tiếng trung": "zh", "tiếng trung quốc": "zh", "tieng quan thoai": "zh",
               "tiếng quan thoại": "zh", "tiếng quảng đông": "zh", "tiếng phổ thông": "zh", "tieng phap": "fr", "tiếng pháp": "fr",
               "tieng han": "ko", "tiếng hàn": "ko", "tiếng hàn quốc": "ko", "tieng viet": "vi", "tiếng việt": "vi",
               "tieng nga": "ru", "tiếng nga": "ru", "tieng a rap": "ar", "tiếng ả rập": "ar", "tiếng arab": "ar",
               "tieng nhat": "ja", "tiếng nhật": "ja", "tieng ba lan": "pl", "tiếng ba lan": "pl", "tiếng urdu": "ur",
               "tiếng bengal": "bn", "tiếng bangla": "bn", "tiếng somali": "so", "tiếng tagalog": "tl", "tiếng phi": "tl",
               "tiếng philippines": "tl", "tiếng haiti": "ht", "tiếng creole": "ht", "tiếng ý": "it", "tiếng đức": "de"},
    ages=("tuổi", "tuoi"),  # after a number: a child's age, not a result number
    topics={"apply": _d("dang ky", "đăng ký", "đăng kí", "nop don", "nộp đơn", "han chot", "hạn chót", "hạn nộp", "ghi danh",
                        "cach dang ky", "cách đăng ký", "xin học", "xin vào học", "nhập học", "hồ sơ", "làm hồ sơ",
                        "nộp hồ sơ", "ghi tên", "tuyển sinh", "đăng ký học", "thủ tục")},
    cannot=("không biết", "không thể", "ko biet", "ko the", "khong biet", "khong the"),
)  # fmt: skip

LEXICON = replace(
    LEXICON,
    shorthand={
        "ko": "khong",
        "kh": "khong",
        "hok": "khong",
        "hem": "khong",
        "hong": "khong",
        "dc": "đuoc",
        "đc": "đuoc",
        "dk": "đuoc",
        "đk": "đuoc",
        "ntn": "nhu the nao",
        "j": "gi",
        "r": "roi",
        "mg": "mau giao",
        "gd": "giao duc",
        "gddb": "giao duc đac biet",
        "trg": "truong",
        "truog": "truong",
        "tr": "truong",
        "vs": "voi",
        "cx": "cung",
        "ns": "noi",
        "lm": "lam",
        "ng": "nguoi",
        "t": "toi",
        "mk": "minh",
        "bnhieu": "bao nhieu",
        "th": "tieu hoc",
        "mn": "mam non",
        # but "mn" closing a question or beside a greeting is "mọi người" (everyone): "co ko mn", "chao mn", "mn oi"
        "ko mn": "khong moi nguoi",
        "k mn": "khong moi nguoi",
        "khong mn": "khong moi nguoi",
        "chao mn": "chao moi nguoi",
        "mn oi": "moi nguoi oi",
        "cam on mn": "cam on moi nguoi",
        "a mn": "a moi nguoi",
        "hs": "hoc sinh",
        "ngta": "nguoi ta",
        "xe bt": "xe buyt",
    },
)

# Talk as families type it ("what is this", "el 2", "basta ya")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help + ("cai nay la gi", "cái này là gì", "day la gi", "đây là gì", "la gi vay", "ko hieu", "không hiểu", "khong hieu"),
)

# Vietnamese named by itself in a program ("song ngữ Anh - Việt")
LEXICON = replace(LEXICON, languages={**LEXICON.languages, "viet": "vi", "việt": "vi", "tiếng việt": "vi", "tieng viet": "vi"})

# "We have no car": public transit, unless the school bus is asked for as well (`Lexicon.no_car`)
_NO_CAR = (
    "không có xe",
    "ko có xe",
    "k có xe",
    "khong co xe",
    "ko co xe",
    "không có ô tô",
    "không có xe hơi",
    "ko co xe hoi",
    "không lái xe",
    "ko lai xe",
)
LEXICON = LEXICON.with_no_car(_NO_CAR)

# "More schools" said with the word for school ("thêm trường khác", "còn trường nào khác không")
LEXICON = replace(
    LEXICON,
    more=LEXICON.more + ("them truong khac", "thêm trường khác", "truong khac", "trường khác", "con truong nao khac",
                         "còn trường nào khác", "con truong nao khac khong", "còn trường nào khác không", "truong khac nua",
                         "trường khác nữa", "them truong", "thêm trường", "xem them truong", "xem thêm trường"),
)  # fmt: skip

# Sight said in a sentence ("mắt con yếu"), Chinese named as "Hoa" beside the program
LEXICON = replace(
    LEXICON,
    programs={
        **LEXICON.programs,
        "visual_impairment": LEXICON.programs["visual_impairment"]
        + _d("mắt yếu", "mắt con yếu", "mắt bé yếu", "mắt cháu yếu", "mắt kém", "thị lực kém", "thị lực yếu", "nhìn không rõ",
             "nhìn ko rõ", "nhìn không thấy", "mắt rất kém"),
    },
    languages={**LEXICON.languages, **dict.fromkeys(_d("song ngữ hoa", "song ngữ hoa anh", "song ngữ anh hoa", "người hoa"), "zh")},
)  # fmt: skip

# "Không cần" (no need) before a sector too ("không cần trường charter")
LEXICON = replace(LEXICON, negations=LEXICON.negations + _d("không cần", "ko cần", "k cần", "khong can", "ko can"))

# Stop and more as texted ("đừng gửi tin nhắn nữa")
LEXICON = replace(
    LEXICON,
    stop=LEXICON.stop + _d("đừng gửi tin nhắn nữa", "đừng gửi nữa", "đừng nhắn tin nữa", "không nhận tin nhắn nữa",
                           "dung gui tin nhan nua", "dung gui nua", "dung nhan tin nua"),
)  # fmt: skip

# a bus that may be the city's: beside a train or the metro, public transit
LEXICON = replace(LEXICON, city_bus=("xe buýt", "xe buyt", "xe bus", "xe buít", "xe bút"))
LEXICON = replace(LEXICON, classroom=("lop",), apart=("rieng", "tach"), small=("nho",))

# A greeting that opens with who greets ("dạ con chào cô ạ", "em chào anh chị"): a child's or a younger person's politeness
LEXICON = replace(
    LEXICON,
    greeting=LEXICON.greeting
    + _d(*(f"{lead}{who} chào" for lead in ("", "dạ ") for who in ("con", "em", "cháu", "mình", "tôi", "chị", "anh"))),
)
