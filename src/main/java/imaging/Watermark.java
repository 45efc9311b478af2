package imaging;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * A preset's watermark: a line of text or a logo, sized relative to each variant's width so every variant
 * looks alike, drawn at an anchor (or tiled) with a margin and an opacity. Only variants at least
 * {@code minWidth} wide get it; the thumbnail and the placeholder never do.
 *
 * @param size    text height, or logo width, as a fraction of the variant's width (0.05 = 5 %)
 * @param margin  space between the mark and the picture's edges (and between tiles), as a fraction of the
 *                variant's width
 * @param opacity 0 (invisible) to 1 (opaque)
 */
public record Watermark(Mark mark, WatermarkAnchor anchor, double size, float opacity, double margin, int minWidth) {

    /** The variant name that is never marked, whatever its width: a crop, not the picture. */
    public static final String THUMBNAIL = "thumbnail";

    public Watermark {
        if (size <= 0 || size > 1) {
            throw new IllegalArgumentException("Watermark size must be a fraction of the width in (0, 1]: " + size);
        }
        if (opacity <= 0 || opacity > 1) {
            throw new IllegalArgumentException("Watermark opacity must be in (0, 1]: " + opacity);
        }
        if (margin < 0 || margin >= 0.5) {
            throw new IllegalArgumentException("Watermark margin must be a fraction of the width in [0, 0.5): " + margin);
        }
    }

    /** What is drawn. */
    public sealed interface Mark permits Text, Logo {
    }

    /** A line of text in the default sans-serif face, bold. */
    public record Text(String text, Color color) implements Mark {
    }

    /** A logo (PNG with alpha, typically), loaded on first use. */
    public record Logo(Supplier<BufferedImage> image) implements Mark {
    }

    public boolean appliesTo(VariantSpec spec, int width) {
        return width >= minWidth && !THUMBNAIL.equals(spec.name());
    }

    /** A marked copy; the source is left as it is (the cascade still scales from it). */
    public BufferedImage apply(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        BufferedImage out = new BufferedImage(width, height,
                picture.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(picture, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
            BufferedImage stamp = stamp(width);
            int gap = (int) Math.round(margin * width);
            if (anchor == WatermarkAnchor.TILED) {
                tile(g, stamp, width, height, gap);
            } else {
                g.drawImage(stamp, anchor.x(width, stamp.getWidth(), gap), anchor.y(height, stamp.getHeight(), gap), null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The mark at its size for a picture this wide, fully opaque (opacity applies when it is laid down). */
    private BufferedImage stamp(int pictureWidth) {
        int markWidth = Math.max(1, (int) Math.round(size * pictureWidth));
        if (mark instanceof Text text) {
            return textStamp(text, Math.max(8, markWidth));
        }
        BufferedImage logo = ((Logo) mark).image().get();
        int markHeight = Math.max(1, (int) Math.round((double) logo.getHeight() * markWidth / logo.getWidth()));
        return Resizer.resize(logo, markWidth, markHeight);
    }

    private static BufferedImage textStamp(Text text, int pixelHeight) {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, pixelHeight);
        TextLayout layout = new TextLayout(text.text(), font, new FontRenderContext(null, true, true));
        int w = (int) Math.ceil(layout.getAdvance());
        int h = (int) Math.ceil(layout.getAscent() + layout.getDescent());
        BufferedImage stamp = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = stamp.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(text.color());
            layout.draw(g, 0, layout.getAscent());
        } finally {
            g.dispose();
        }
        return stamp;
    }

    /** Rows of marks a margin apart, every other row shifted by half a step so no column lines up. */
    private static void tile(Graphics2D g, BufferedImage stamp, int width, int height, int gap) {
        int stepX = stamp.getWidth() + Math.max(gap, stamp.getWidth() / 2);
        int stepY = stamp.getHeight() + Math.max(gap, stamp.getHeight());
        int row = 0;
        for (int y = gap; y < height; y += stepY, row++) {
            for (int x = gap - (row % 2) * stepX / 2; x < width; x += stepX) {
                g.drawImage(stamp, x, y, null);
            }
        }
    }
}
