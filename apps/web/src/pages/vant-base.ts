// Vant styles for the phone pages, imported per component by hand (on-demand, no plugin).
// We deliberately do NOT import Vant's icon CSS (`vant/es/icon/index.css`): it inlines a ~30 kB (gzip)
// icon font. The phone pages use no Vant icons yet; import it in the page that first needs one.
import 'vant/es/style/base.css';
