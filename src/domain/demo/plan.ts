/**
 * The demo province's plan for 2026 and its task-assignment appendix, written for the demo (not a
 * real plan). It carries the traits of real appendices: Roman sections, restarted numbering,
 * sub-items, joint leads with '/', a role in parentheses, a note in the coordinating column, group
 * phrases, recurring, continuous and event-triggered timeframes, an old agency name.
 */
export const DEMO_PLAN = {
  number: '12/KH-UBND',
  issuedOn: '2026-01-20',
  issuingBody: 'UBND tỉnh Lai Châu',
  title: 'Kế hoạch bảo đảm trật tự, an toàn giao thông năm 2026 trên địa bàn tỉnh Lai Châu',
  theme: 'Xây dựng văn hóa giao thông an toàn, văn minh',
  directives: ['Chỉ thị 23-CT/TW ngày 25/5/2023', 'Nghị quyết 149/NQ-CP ngày 25/9/2023'],
  goals:
    'Kiềm chế, kéo giảm tai nạn giao thông trên cả 3 tiêu chí so với năm 2025; không để xảy ra tai nạn giao thông đặc biệt nghiêm trọng; giảm ùn tắc giao thông tại các điểm trọng yếu.',
  targets: [
    {
      indicator: 'crashes',
      direction: 'decrease',
      minPercent: 5,
      maxPercent: 10,
      description: 'Giảm 5–10 % số vụ TNGT so với năm 2025',
    },
    {
      indicator: 'deaths',
      direction: 'decrease',
      minPercent: 5,
      maxPercent: 10,
      description: 'Giảm 5–10 % số người chết do TNGT so với năm 2025',
    },
    {
      indicator: 'injured',
      direction: 'decrease',
      minPercent: 5,
      maxPercent: 10,
      description: 'Giảm 5–10 % số người bị thương do TNGT so với năm 2025',
    },
  ],
} as const;

const HEADER = 'STT\tNội dung công tác\tThời gian thực hiện\tĐơn vị chủ trì\tĐơn vị phối hợp\tGhi chú';

export const DEMO_APPENDIX = [
  'Phụ lục: Phân công nhiệm vụ bảo đảm TTATGT năm 2026',
  '(Kèm theo Kế hoạch số 12/KH-UBND ngày 20/01/2026 của UBND tỉnh Lai Châu)',
  '',
  HEADER,
  'I\tCông tác lãnh đạo, chỉ đạo\t\t\t\t',
  '1\tBan hành kế hoạch thực hiện nhiệm vụ bảo đảm TTATGT năm 2026 của cơ quan, đơn vị, địa phương\tTháng 02/2026\tCác sở, ban, ngành; UBND các xã, phường\t\t',
  '2\tKiện toàn Ban An toàn giao thông các xã, phường; phân công thành viên phụ trách địa bàn\tQuý I/2026\tUBND các xã, phường\tBan ATGT tỉnh\t',
  '3\tTheo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch\t\t\t\t',
  '3.1\tThành lập đoàn kiểm tra liên ngành tại các địa bàn có TNGT tăng\tXong trong quý II/2026, kiểm tra trong quý III/2026\tBan ATGT tỉnh (tham mưu thành lập đoàn kiểm tra liên ngành)\tCông an tỉnh, Sở Xây dựng, UBND các xã, phường\t',
  '3.2\tKiểm tra bảo đảm ATGT đường thủy nội địa trên lòng hồ thủy điện Lai Châu, Bản Chát\tQuý IV/2026\tCông an tỉnh/ Sở Xây dựng\tBan ATGT tỉnh, UBND các xã có lòng hồ\t',
  '4\tBáo cáo kết quả thực hiện công tác bảo đảm TTATGT\tHằng tháng\tCác sở, ban, ngành\tVăn phòng Ban ATGT tỉnh\tTrước ngày 15 hằng tháng',
  'II\tTuyên truyền, phổ biến, giáo dục pháp luật\t\t\t\t',
  '1\tTuyên truyền Luật Trật tự, an toàn giao thông đường bộ cho học sinh; ký cam kết ba bên nhà trường – gia đình – học sinh\tĐầu năm học và duy trì trong năm\tSở Giáo dục và Đào tạo\t(ít nhất 02 buổi/năm học)\t',
  '2\tTuyên truyền trên nền tảng số, mạng xã hội và hệ thống loa truyền thanh cơ sở bằng tiếng dân tộc thiểu số\tThường xuyên\tSở Văn hóa, Thể thao và Du lịch\tBáo và Phát thanh, Truyền hình Lai Châu, UBND các xã, phường\t',
  '3\tTuyên truyền dịp nghỉ Lễ, Tết và các đợt cao điểm\tKhi có chỉ đạo\tBan ATGT các cấp\tCác cơ quan báo chí\t',
  '4\tVận động đoàn viên, hội viên chấp hành "Đã uống rượu, bia thì không lái xe"\tThuờng xuyên\tTỉnh Đoàn/Hội Liên hiệp Phụ nữ tỉnh\tHội Nông dân tỉnh, Hội Cựu chiến binh tỉnh\t',
  '',
  HEADER,
  'III\tTuần tra, kiểm soát, xử lý vi phạm\t\t\t\t',
  '1\tTổng kiểm soát phương tiện giao thông cơ giới đường bộ; xử lý vi phạm nồng độ cồn, tốc độ, chở quá tải trọng\tCác đợt cao điểm\tCông an tỉnh\tUBND các xã, phường\t',
  '2\tLắp đặt bổ sung camera giám sát, xử lý vi phạm qua hình ảnh trên QL4D, QL12, QL32\tBáo cáo phương án trong quý I/2026; triển khai trong năm\tCông an tỉnh\tSở Khoa học và Công nghệ, Sở Tài chính\t',
  '3\tThông báo danh sách người vi phạm TTATGT về cơ quan, trường học, địa phương nơi cư trú\tHằng tháng\tCông an tỉnh\tCác sở, ngành, UBND các xã, phường\t',
  '4\tKiểm soát tải trọng xe tại các mỏ đá, bến bãi, công trình thủy điện\tQuý II/2026 và duy trì thường xuyên\tSở GTVT\tCông an tỉnh, UBND các xã\t',
  'IV\tKết cấu hạ tầng giao thông\t\t\t\t',
  '1\tRà soát, xử lý điểm đen, điểm tiềm ẩn tai nạn giao thông trên các tuyến quốc lộ, đường tỉnh\tHoàn thành trong Quý II/2026 và duy trì thường xuyên\tSở Xây dựng\tCông an tỉnh, Ban ATGT tỉnh, UBND các xã\t',
  '2\tChuẩn bị phương án ứng phó sạt lở, bảo đảm giao thông mùa mưa bão; bố trí phương tiện, vật tư dự phòng tại các vị trí\tTháng 5/2026 và trong\tSở Xây dựng/UBND các xã\t\t',
  '\ttrọng yếu\tsuốt mùa mưa bão\t\t\t',
  '3\tRà soát, đề xuất xóa bỏ lối đi tự mở qua đường sắt, đường ngang không người gác\tQuý III/2026\tSở Xây dựng\tCông an tỉnh, UBND các xã, phường\t',
  'V\tCứu hộ, cứu nạn và sơ cứu nạn nhân\t\t\t\t',
  '1\tTập huấn sơ cứu TNGT cho nhân viên y tế thôn, bản và lực lượng xung kích\tQuý II/2026\tSở Y tế\tCông an tỉnh, Tỉnh Đoàn\t',
  '2\tVận hành ứng dụng báo tin TNGT, bảo đảm tiếp cận nạn nhân không quá 30 phút kể từ khi nhận tin\tTừ tháng 6/2026\tSở Y tế/Công an tỉnh\tSở Khoa học và Công nghệ\t',
  'VI\tSơ kết, tổng kết\tSơ kết Quý I - tháng 4/2026; Sơ kết 6 tháng - tháng 7/2026; Sơ kết 9 tháng - tháng 10/2026; Tổng kết - tháng 12/2026\tBan ATGT tỉnh\tThành viên Ban ATGT; các địa phương\t',
  '1\tĐánh giá đột xuất tại địa bàn có TNGT tăng cao\tĐột xuất hoặc khi TNGT tăng cao\tBan ATGT tỉnh\tCông an tỉnh, Sở Xây dựng\t',
].join('\n');
