/**
 * dayjs speaks Chinese (month names, weeks starting on Monday in antd's pickers). Imported for
 * its effect by the modules that show dates, not by the app's first screen: dayjs and its
 * locale then load with the chunks that need them (see App.tsx).
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');
